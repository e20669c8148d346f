from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'posting.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_language = resolve('language')
    l_0_title = resolve('title')
    l_0_company = resolve('company')
    l_0_summary = resolve('summary')
    l_0_jsonld = resolve('jsonld')
    l_0_header_html = resolve('header_html')
    l_0_sections_html = resolve('sections_html')
    l_0_code = resolve('code')
    l_0_level = resolve('level')
    l_0__ = resolve('_')
    try:
        t_1 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    environment.jdgen_step(104)
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize((undefined(name='language') if l_0_language is missing else l_0_language)))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))
    if (undefined(name='company') if l_0_company is missing else l_0_company):
        pass
        yield ' · '
        yield escape(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'name')))
    yield '</title>\n<meta name="description" content="'
    yield escape(environment.finalize((undefined(name='summary') if l_0_summary is missing else l_0_summary)))
    yield '">\n'
    if (undefined(name='jsonld') if l_0_jsonld is missing else l_0_jsonld):
        pass
        yield '<script type="application/ld+json">\n'
        yield escape(environment.finalize(t_1(context.eval_ctx, (undefined(name='jsonld') if l_0_jsonld is missing else l_0_jsonld), indent=2)))
        yield '\n</script>\n'
    yield '<style>\nbody { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #1f2933; }\nh1 { font-size: 1.9rem; margin-bottom: 0.25rem; }\nh2 { font-size: 1.25rem; margin-top: 2rem; color: #243b53; }\nheader p { color: #52606d; margin-top: 0; }\nfooter { margin-top: 3rem; font-size: 0.85rem; color: #7b8794; }\n</style>\n</head>\n<body>\n<article>\n<header>\n'
    yield escape(environment.finalize((undefined(name='header_html') if l_0_header_html is missing else l_0_header_html)))
    yield '</header>\n'
    for l_1_section in environment.jdgen_loop((undefined(name='sections_html') if l_0_sections_html is missing else l_0_sections_html), 4):
        _loop_vars = {}
        pass
        yield '<section>\n'
        yield escape(environment.finalize(l_1_section))
        yield '</section>\n'
    l_1_section = missing
    if (not (undefined(name='company') if l_0_company is missing else l_0_company)):
        pass
        yield '<footer>\n<p>'
        yield escape(environment.finalize((undefined(name='code') if l_0_code is missing else l_0_code)))
        yield ' · '
        yield escape(environment.finalize(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'code')))
        yield ' '
        yield escape(environment.finalize(environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'name')))
        yield '</p>\n</footer>\n'
    elif environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'requisition_id'):
        pass
        yield '<footer>\n<p>'
        yield escape(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Reference %(reference)s', reference=environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'requisition_id'))))
        yield '</p>\n</footer>\n'
    yield '</article>\n</body>\n</html>\n'

blocks = {}
debug_info = '5=29&9=31&10=37&11=39&13=42&27=45&28=47&30=51&32=54&34=57&36=63&38=66'
# Written by `python -m jdgen.render.compile_shipped` from templates/posting.html.j2: do not edit.
