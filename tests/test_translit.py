import pytest

from akim_elections.translit import fix_lookalikes, kk_latn

KNOWN = [
    ("Ақмола", "Aqmola"), ("Ақтөбе", "Aqtöbe"), ("Атырау", "Atyrau"), ("Шығыс Қазақстан", "Şyğys Qazaqstan"),
    ("Жамбыл", "Jambyl"), ("Қызылорда", "Qyzylorda"), ("Маңғыстау", "Mañğystau"), ("Түркістан", "Türkıstan"),
    ("Солтүстік Қазақстан", "Soltüstık Qazaqstan"), ("Қостанай", "Qostanai"), ("Қарағанды", "Qarağandy"),
    ("Ұлытау", "Ūlytau"), ("Шардара", "Şardara"), ("Ерейментау", "Ereimentau"), ("Көкшетау", "Kökşetau"),
]


@pytest.mark.parametrize("cyrillic, latin", KNOWN)
def test_known_names(cyrillic, latin):
    assert kk_latn(cyrillic) == latin


def test_capital_i_forms():
    assert kk_latn("Іле") == "Ile"
    assert kk_latn("Ирина") == "İrina"


def test_latin_lookalike_inside_a_kazakh_word_is_fixed():
    # North Kazakhstan's name was published with a Latin i (U+0069) in place of Kazakh і
    assert fix_lookalikes("Солтүстiк") == "Солтүстік"
    assert kk_latn("Солтүстiк") == "Soltüstık"
    assert fix_lookalikes("Nur Otan") == "Nur Otan"  # Latin words stay Latin
