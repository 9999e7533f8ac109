from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.domain.court_ids import normal_court_id
from tests.helpers import BASE, CATALOG


def test_a_court_id_is_trimmed_and_lower_case_however_it_was_typed() -> None:
    assert normal_court_id(" MAB ") == normal_court_id("mab") == "mab"


def test_the_catalog_and_the_answers_read_court_ids_the_same_way() -> None:
    assert CATALOG.get(" MaB ") is CATALOG.get("mab")
    answers = answers_from_dict({**BASE, "courts": [" MAB "], "cmecf": {"MAB ": {}}})
    assert answers.courts == ["mab"] and list(answers.cmecf) == ["mab"]
