"""akim_elections.checks.rules.sources: the date a page's address carries."""

import pytest

from akim_elections.checks.rules.sources import url_date


@pytest.mark.parametrize("url, date", [
    ("https://arka-azhary.kz/2021/07/24/erte-auyl-kimderin-sajlau", "2021-07-24"),
    ("https://astanatimes.com/2023/08/seven-regions-of-kazakhstan-elect-17-rural-mayors/", "2023-08"),
    ("https://bizmedia.kz/2023-08-15-v-kazahstane-izbrany-17-selskih-akimov-karin/amp", "2023-08-15"),
    ("https://prostoratbasar.kz/2025/03/16", "2025-03-16"),
    ("https://kyzylorda-news.kz/kerek-derek/policejler-dinastiyasy-mangyzdy-kuende-oez-tangdaularyn-zhasady-05-11-2023", "2023-11-05"),
    ("https://aqmolanews.kz/ru/?p=32265", None),
    ("https://forbes.kz/news/2021/13/01/x", None),  # no month 13
    ("https://www.kt.kz/eng/politics/historical_direct_elections_of_rural_akims_kick_off_1377918965.html", None),
    ("https://2021.example.kz/news", None),  # a year in the host is not a date in the path
])
def test_url_date_reads_the_date_in_a_path_at_its_precision(url, date):
    assert url_date(url) == date

