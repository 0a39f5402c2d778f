"""End-to-end in a real browser: a European startup publishes an opportunity, a Chinese company finds it
with a Chinese query, sends interest, the startup accepts, and the two talk in the thread."""

import os
import uuid

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_directory import BASE, browser, click_and_wait, shot, submit  # noqa: F401  (browser is a fixture)

PASSWORD = "correct horse battery"


def register(email, name, organization):
    """Creates an account and its organisation through the API, which the directory test covers in the UI."""
    api = f"{BASE}/api/v1"
    assert requests.post(f"{api}/accounts", json={"email": email, "password": PASSWORD, "displayName": name}).ok
    token = requests.post(f"{api}/sessions", json={"email": email, "password": PASSWORD}).json()["token"]
    created = requests.post(f"{api}/organizations", json=organization, headers={"Authorization": f"Bearer {token}"})
    assert created.status_code == 201, created.text


def log_in(driver, email, language):
    driver.delete_all_cookies()
    driver.get(f"{BASE}/login?lang={language}")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver)


def test_publish_find_in_chinese_express_interest_and_talk(browser):
    suffix = uuid.uuid4().hex[:6]
    startup, company = f"isar-{suffix}@example.eu", f"ningde-{suffix}@example.cn"
    register(startup, "Anna", {"name": {"en": f"Isar Storage {suffix}"}, "type": "startup", "country": "DE",
                               "size": "micro", "areas": ["smart-energy"]})
    register(company, "李伟", {"name": {"zh-Hans": f"宁德储能{suffix}"}, "type": "company", "country": "CN",
                              "province": "CN-FJ", "size": "large", "areas": ["smart-energy"]})
    title = f"储能电池合作伙伴 {suffix}"

    log_in(browser, startup, "en")
    browser.get(f"{BASE}/opportunities/new")
    browser.find_element(By.ID, "title_en").send_keys(f"Battery partner wanted {suffix}")
    browser.find_element(By.ID, "title_zh").send_keys(title)
    browser.find_element(By.ID, "summary_en").send_keys("We seek a battery-storage maker for virtual power plants.")
    browser.find_element(By.ID, "summary_zh").send_keys("我们为虚拟电厂寻找储能电池制造商。")
    Select(browser.find_element(By.ID, "type")).select_by_value("technology-request")
    browser.find_element(By.CSS_SELECTOR, "input[name=areas][value=smart-energy]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=partnershipTypes][value=supplier]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=targetSides][value=cn]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=subtopics][value=smart-energy-smart-grids]").click()
    Select(browser.find_element(By.ID, "targetCountries")).select_by_value("CN")
    Select(browser.find_element(By.ID, "stage")).select_by_value("pilot")
    Select(browser.find_element(By.ID, "ipStatus")).select_by_value("patent-pending")
    # An amount does not fit a technology request: the form says so next to the field and keeps the input.
    browser.find_element(By.ID, "minimum").send_keys("100000")
    submit(browser)
    assert "applies only to investment opportunities." in browser.page_source
    assert browser.find_element(By.ID, "title_zh").get_attribute("value") == title
    assert Select(browser.find_element(By.ID, "stage")).first_selected_option.get_attribute("value") == "pilot"
    browser.find_element(By.ID, "minimum").clear()
    browser.execute_script("document.getElementById('deadline').value = arguments[0]", "2099-06-30")
    submit(browser)
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    for shown in ["Smart grids", "China", "Pilot", "Patent pending", "2099-06-30"]:
        assert shown in facts, facts
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/publish'] button"))
    shot(browser, "10-opportunity-published-en")

    log_in(browser, company, "zh-Hans")
    browser.get(f"{BASE}/opportunities")
    browser.find_element(By.ID, "q").send_keys(f"储能 {suffix}")
    submit(browser, "form.filters")
    hits = browser.find_elements(By.CSS_SELECTOR, "#results article.hit h3 a")
    # One box searches organisations and opportunities: both organisations' names hold 储能 and the suffix too.
    titles = [hit.text for hit in hits]
    assert title in titles[:3], titles
    # The snippet marks where the query matched, inside the text it shows.
    hit = hits[titles.index(title)].find_element(By.XPATH, "ancestor::article")
    marks = [mark.text for mark in hit.find_elements(By.CSS_SELECTOR, "p.snippet mark")]
    assert "储能" in marks, marks
    shot(browser, "11-search-zh")
    click_and_wait(browser, hits[titles.index(title)])
    browser.find_element(By.ID, "message").send_keys("我们生产磷酸铁锂储能系统，希望合作。")
    submit(browser, "form[action$='/interests']")

    log_in(browser, startup, "en")
    browser.get(f"{BASE}/interests")
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, f"宁德储能{suffix}"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/accept'] button"))
    browser.find_element(By.ID, "body").send_keys("Welcome! Shall we meet in Brussels?")
    submit(browser, "form[action$='/messages']")
    assert "Welcome! Shall we meet in Brussels?" in browser.page_source
    interest_page = browser.current_url

    log_in(browser, company, "zh-Hans")
    browser.get(interest_page)
    assert "Welcome! Shall we meet in Brussels?" in browser.page_source
    browser.find_element(By.ID, "body").send_keys("好的，布鲁塞尔见。")
    submit(browser, "form[action$='/messages']")
    assert "好的，布鲁塞尔见。" in browser.page_source
    shot(browser, "12-thread-zh")
