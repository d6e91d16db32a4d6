from upperback.figures import style


def test_meaning_colours_come_from_the_okabe_ito_palette_and_are_distinct():
    meanings = [style.RELAXED, style.TENSE, style.ACHE, *style.CAUSE_COLOURS.values()]
    assert set(meanings) <= set(style.OKABE_ITO.values())
    assert len(set(meanings)) == len(meanings)


def test_projector_mode_makes_type_and_lines_larger():
    normal, projector = style.series_rc(projector=False), style.series_rc(projector=True)
    assert projector["font.size"] >= normal["font.size"] + 4
    assert projector["lines.linewidth"] > normal["lines.linewidth"]


def test_projector_mode_is_one_switch_for_every_figure_drawn_after_it():
    try:
        style.set_projector_mode(True)
        with style.series_style():
            figure = style.new_figure(4, 3)
            text = figure.text(0.5, 0.5, "x")
        assert text.get_fontsize() == style.series_rc(projector=True)["font.size"]
    finally:
        style.set_projector_mode(False)
    assert not style.projector_mode()
