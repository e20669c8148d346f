from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'posting.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_company = resolve('company')
    l_0__ = resolve('_')
    l_0_level = resolve('level')
    l_0_opening = resolve('opening')
    l_0_responsibilities = resolve('responsibilities')
    l_0_success = resolve('success')
    l_0_bring = resolve('bring')
    l_0_nice_to_have = resolve('nice_to_have')
    l_0_sections = resolve('sections')
    l_0_reference = resolve('reference')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md_mailto']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md_mailto' found.")
    try:
        t_3 = environment.filters['md_url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md_url' found.")
    environment.jdgen_step(457)
    pass
    yield '# '
    yield str(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '\n\n'
    if (undefined(name='company') if l_0_company is missing else l_0_company):
        pass
        yield str(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'name')))
        yield ' · '
        yield str(environment.finalize(t_1(context.eval_ctx, environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'locations'), ' / ')))
        yield ' · '
        yield str(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'work_model')))
        yield ' · '
        yield str(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'employment_type')))
        if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'pay'):
            pass
            yield ' · '
            yield str(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'pay')))
        yield '\n\n'
        if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'where'):
            pass
            yield str(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'where')))
            yield '\n\n'
    else:
        pass
        yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Level %(code)s · %(name)s · %(years)s of experience', code=environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'code'), name=environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'name'), years=environment.getattr((undefined(name='level') if l_0_level is missing else l_0_level), 'years'))))
        yield '\n\n'
    yield '## '
    yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'About the role')))
    yield '\n\n'
    yield str(environment.finalize((undefined(name='opening') if l_0_opening is missing else l_0_opening)))
    yield '\n\n'
    if ((undefined(name='company') if l_0_company is missing else l_0_company) and environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'team')):
        pass
        yield '## '
        yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Your team')))
        yield '\n\n'
        yield str(environment.finalize(t_2(environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'team'), 'about'))))
        if environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'team'), 'reports_to'):
            pass
            yield ' '
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'You report to %(manager)s.', manager=environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'team'), 'reports_to'))))
        yield '\n\n'
    if (undefined(name='responsibilities') if l_0_responsibilities is missing else l_0_responsibilities):
        pass
        yield '## '
        yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'What you will do')))
        yield '\n\n'
        for l_1_item in environment.jdgen_loop((undefined(name='responsibilities') if l_0_responsibilities is missing else l_0_responsibilities), 3):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.finalize(l_1_item))
            yield '\n'
        l_1_item = missing
        yield '\n'
    if (undefined(name='success') if l_0_success is missing else l_0_success):
        pass
        yield '## '
        yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'What success looks like')))
        yield '\n\n'
        yield str(environment.finalize((undefined(name='success') if l_0_success is missing else l_0_success)))
        yield '\n\n'
    if (undefined(name='bring') if l_0_bring is missing else l_0_bring):
        pass
        yield '## '
        yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'What you will bring')))
        yield '\n\n'
        for (l_1_heading, l_1_items) in environment.jdgen_loop((undefined(name='bring') if l_0_bring is missing else l_0_bring), 6):
            _loop_vars = {}
            pass
            yield '### '
            yield str(environment.finalize(l_1_heading))
            yield '\n\n'
            for l_2_item in environment.jdgen_loop(l_1_items, 3):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.finalize(l_2_item))
                yield '\n'
            l_2_item = missing
            yield '\n'
        l_1_heading = l_1_items = missing
    if (undefined(name='nice_to_have') if l_0_nice_to_have is missing else l_0_nice_to_have):
        pass
        yield '## '
        yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Nice to have')))
        yield '\n\n'
        for l_1_item in environment.jdgen_loop((undefined(name='nice_to_have') if l_0_nice_to_have is missing else l_0_nice_to_have), 3):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.finalize(l_1_item))
            yield '\n'
        l_1_item = missing
        yield '\n'
    if ((undefined(name='company') if l_0_company is missing else l_0_company) and environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply_anyway')):
        pass
        yield str(environment.finalize(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply_anyway')))
        yield '\n\n'
    for l_1_section in environment.jdgen_loop((undefined(name='sections') if l_0_sections is missing else l_0_sections), 33):
        _loop_vars = {}
        pass
        yield '## '
        yield str(environment.finalize(environment.getattr(l_1_section, 'heading')))
        yield '\n\n'
        if environment.getattr(l_1_section, 'body'):
            pass
            yield str(environment.finalize(t_2(environment.getattr(l_1_section, 'body'))))
            yield '\n\n'
        if environment.getattr(l_1_section, 'points'):
            pass
            for l_2_item in environment.jdgen_loop(environment.getattr(l_1_section, 'points'), 3):
                _loop_vars = {}
                pass
                yield '- '
                yield str(environment.finalize(l_2_item))
                yield '\n'
            l_2_item = missing
            yield '\n'
    l_1_section = missing
    if (undefined(name='company') if l_0_company is missing else l_0_company):
        pass
        if ((environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'pay') or environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'other_compensation')) or environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'benefits')):
            pass
            yield '## '
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Compensation')))
            yield '\n\n'
            if (environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'pay') or environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'other_compensation')):
                pass
                if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'pay'):
                    pass
                    yield '- '
                    yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Base pay: %(pay)s', pay=environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'pay'))))
                    yield '\n'
                for l_1_item in environment.jdgen_loop(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'other_compensation'), 3):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(l_1_item))
                    yield '\n'
                l_1_item = missing
                yield '\n'
            if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'benefits'):
                pass
                yield '### '
                yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Benefits')))
                yield '\n\n'
                for l_1_item in environment.jdgen_loop(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'benefits'), 3):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(l_1_item))
                    yield '\n'
                l_1_item = missing
                yield '\n'
        if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'about'):
            pass
            yield '## '
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'About %(name)s', name=environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'name'))))
            yield '\n\n'
            yield str(environment.finalize(t_2(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'about'))))
            yield '\n\n'
        if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'hiring_process'):
            pass
            yield '## '
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'How we hire')))
            yield '\n\n'
            l_1_loop = missing
            for l_1_step, l_1_loop in LoopContext(environment.jdgen_loop(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'hiring_process'), 8), undefined):
                _loop_vars = {}
                pass
                yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
                yield '. '
                yield str(environment.finalize(l_1_step))
                yield '\n'
            l_1_loop = l_1_step = missing
            yield '\n'
        if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'):
            pass
            yield '## '
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'How to apply')))
            yield '\n\n'
            if environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'url'):
                pass
                yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Apply at')))
                yield ' ['
                yield str(environment.finalize(environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'url')))
                yield ']('
                yield str(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'url'))))
                yield ').\n\n'
            else:
                pass
                yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Apply by email to')))
                yield ' ['
                yield str(environment.finalize(environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'email')))
                yield '](mailto:'
                yield str(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'email'))))
                yield ').\n\n'
            if environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'instructions'):
                pass
                yield str(environment.finalize(t_2(environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'instructions'))))
                yield '\n\n'
            if environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'deadline'):
                pass
                yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Applications close on %(date)s.', date=environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'apply'), 'deadline'))))
                yield '\n\n'
        if environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'eeo'):
            pass
            yield '## '
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Equal opportunity and accommodation')))
            yield '\n\n'
            def t_4(fiter):
                for l_1_line in fiter:
                    if l_1_line:
                        yield l_1_line
            for l_1_line in t_4(environment.jdgen_loop(environment.call_binop(context, '+', [environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'eeo'), 'statement'), environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'eeo'), 'accommodation')], environment.getattr(environment.getattr((undefined(name='company') if l_0_company is missing else l_0_company), 'eeo'), 'additional')), 5)):
                _loop_vars = {}
                pass
                yield str(environment.finalize(t_2(l_1_line)))
                yield '\n\n'
            l_1_line = missing
        if (undefined(name='reference') if l_0_reference is missing else l_0_reference):
            pass
            yield str(environment.finalize(environment.call(context, (undefined(name='_') if l_0__ is missing else l_0__), 'Reference: %(reference)s', reference=(undefined(name='reference') if l_0_reference is missing else l_0_reference))))
            yield '\n\n'

blocks = {}
debug_info = '7=42&9=44&10=46&13=58&14=60&18=64&21=67&23=69&25=71&26=74&28=76&32=82&33=85&35=87&36=91&40=95&41=98&43=100&46=102&47=105&49=107&50=111&52=113&53=117&58=122&59=125&61=127&62=131&66=135&67=137&70=139&71=143&73=145&74=147&77=149&78=151&79=155&84=160&85=162&86=165&88=167&89=169&90=172&92=174&93=178&97=182&98=185&100=187&101=191&106=195&107=198&109=200&112=202&113=205&115=208&116=211&120=217&121=220&123=222&125=224&129=232&132=238&133=240&136=242&137=244&141=246&142=249&144=251&145=258&149=261&150=263'
# Written by `python -m jdgen.render.compile_shipped` from templates/posting.md.j2: do not edit.
