"""End-to-end in a real browser on the demo data: a Chinese demo company opens its suggested partners, sees a
European partner that wants what it offers and offers what it wants, explained in both languages, switches on
alerts for new partners, and expresses interest in one click."""

import requests
from selenium.webdriver.common.by import By

from test_directory import BASE, browser, click_and_wait, shot, submit  # noqa: F401  (browser is a fixture)

EMAIL = "ningde-haixin-energy-storage@demo.silkbridge.example"
PASSWORD = "silkbridge-demo"


def organization_id(name):
    found = requests.get(f"{BASE}/api/v1/organizations", params={"q": name}).json()["items"]
    return next(item["id"] for item in found if item["name"].get("en") == name)


def test_suggested_partners_explained_alerted_and_contacted(browser):
    organization = organization_id("Ningde Haixin Energy Storage")
    page = f"{BASE}/organizations/{organization}/matches"
    browser.delete_all_cookies()
    browser.get(f"{BASE}/login?lang=en")
    browser.find_element(By.ID, "email").send_keys(EMAIL)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(browser)

    browser.get(page)
    cards = browser.find_elements(By.CSS_SELECTOR, "li.match")
    assert cards, browser.page_source
    first = cards[0].text
    # The best suggestion is mutual: both directions are explained, and it is not marked one-sided.
    assert "You seek" in first and "They seek" in first, first
    assert "Only one side's need" not in first
    partner = cards[0].find_element(By.CSS_SELECTOR, "h2 a").text
    shot(browser, "matches-en")

    browser.find_element(By.ID, "minimumScore").clear()
    browser.find_element(By.ID, "minimumScore").send_keys("40")
    submit(browser, "section.alert-settings form")
    assert "Alerts are on" in browser.page_source

    browser.get(page + "?lang=zh-Hans")
    assert "推荐合作伙伴" in browser.page_source
    assert "您寻求" in browser.find_elements(By.CSS_SELECTOR, "li.match")[0].text
    assert "提醒已开启" in browser.page_source

    # One click sends the interest; the partner, now in contact, is no longer suggested.
    submit(browser, "li.match form")
    browser.get(page + "?lang=en")
    names = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "li.match h2 a")]
    assert partner not in names, names
    shot(browser, "matches-after-interest")
