"""End to end: the demo fund's manager takes a project from sourcing to disbursing, with a commitment in EUR and
one in CNY, and the fund's report and the public dashboard show the money in English and Chinese."""

import uuid

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_directory import BASE, browser, click_and_wait, shot, submit  # noqa: F401  (browser is a fixture)
from test_exchange import log_in

DEMO_EMAIL = "demo@silkbridge.example"
DEMO_PASSWORD = "silkbridge-demo"


def log_in_as_demo(driver, language):
    driver.delete_all_cookies()
    driver.get(f"{BASE}/login?lang={language}")
    driver.find_element(By.ID, "email").send_keys(DEMO_EMAIL)
    driver.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    submit(driver)


def choose(driver, field, starting_with):
    """Selects the option of a select whose label starts with the given text."""
    select = Select(driver.find_element(By.ID, field))
    option = next(o for o in select.options if o.text.startswith(starting_with))
    select.select_by_value(option.get_attribute("value"))


def type_into(driver, field, text):
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(text)


def set_day(driver, field, day):
    # A date input takes keys in the browser's locale; setting its value is the same for every locale.
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), day)


def open_demo_fund(driver, language):
    driver.get(f"{BASE}/funds?lang={language}")
    name = "China–EU Digital Co-investment Fund" if language == "en" else "中欧数字合作投资基金"
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, name))
    return driver.current_url.split("?")[0]


def test_manager_takes_a_project_from_sourcing_to_disbursing_in_eur_and_cny(browser):
    suffix = uuid.uuid4().hex[:6]
    title = f"Sino-European 5G port pilot {suffix}"
    log_in_as_demo(browser, "en")
    fund_url = open_demo_fund(browser, "en")
    assert "China Internet Development Foundation" in browser.page_source
    assert "Lux Meridian Digital Fund" in browser.page_source
    shot(browser, "fund-demo-en")

    # A project without a title comes back with the message under the field and the amount as typed.
    browser.get(f"{fund_url}/projects/new")
    type_into(browser, "requested_amount", "2500000.00")
    submit(browser)
    assert browser.find_element(By.ID, "error-title_en").text == "is required."
    assert browser.find_element(By.ID, "requested_amount").get_attribute("value") == "2500000.00"
    type_into(browser, "title_en", title)
    type_into(browser, "title_zh", f"中欧 5G 港口试点 {suffix}")
    type_into(browser, "description_en", "A 5G private network for a container terminal.")
    choose(browser, "sponsorIds", "Aegean Smart Ports")
    choose(browser, "sponsorIds", "Binhai Smart Port")
    Select(browser.find_element(By.ID, "area")).select_by_value("5g")
    Select(browser.find_element(By.ID, "countries")).select_by_value("GR")
    Select(browser.find_element(By.ID, "requested_currency")).select_by_value("EUR")
    submit(browser)
    project_url = browser.current_url.split("?")[0]
    assert browser.find_element(By.ID, "project-stage").text == "Sourcing"

    for stage in ("Screening", "Due diligence", "Approved"):
        click_and_wait(browser, browser.find_element(By.ID, "advance"))
        assert browser.find_element(By.ID, "project-stage").text == stage

    # A commitment in EUR from the European fund, then one in CNY from the Chinese foundation, each converted at
    # the ECB rate of its day.
    click_and_wait(browser, browser.find_element(By.ID, "commit-link"))
    choose(browser, "contributorId", "Lux Meridian Digital Fund")
    type_into(browser, "amount_amount", "500000.00")
    Select(browser.find_element(By.ID, "amount_currency")).select_by_value("EUR")
    set_day(browser, "day", "2026-10-28")
    submit(browser)
    assert browser.find_element(By.ID, "project-stage").text == "Committed"
    click_and_wait(browser, browser.find_element(By.ID, "commit-link"))
    choose(browser, "contributorId", "China Internet Development Foundation")
    type_into(browser, "amount_amount", "3000000.00")
    Select(browser.find_element(By.ID, "amount_currency")).select_by_value("CNY")
    set_day(browser, "day", "2026-10-30")
    submit(browser)
    commitments = browser.find_element(By.ID, "commitments").text
    assert "500,000.00 EUR" in commitments
    assert "3,000,000.00 CNY" in commitments
    assert "1 EUR = " in commitments and "2026-10-30" in commitments
    shot(browser, "fund-project-committed")

    # Money is paid out under the CNY commitment: the project is disbursing.
    click_and_wait(browser, browser.find_element(By.ID, "disburse-link"))
    choose(browser, "commitmentId", "China Internet Development Foundation")
    type_into(browser, "amount_amount", "1000000.00")
    Select(browser.find_element(By.ID, "amount_currency")).select_by_value("CNY")
    set_day(browser, "day", "2026-10-30")
    submit(browser)
    assert browser.find_element(By.ID, "project-stage").text == "Disbursing"
    assert "1,000,000.00 CNY" in browser.find_element(By.ID, "cash-flows").text

    # The same project in Chinese.
    browser.get(f"{project_url}?lang=zh-Hans")
    assert browser.find_element(By.ID, "project-stage").text == "拨款中"
    shot(browser, "fund-project-zh")

    # The report in EUR and in CNY, with its files.
    for currency in ("EUR", "CNY"):
        browser.get(f"{fund_url}/report?currency={currency}&lang=en")
        flows = browser.find_element(By.ID, "report-flows").text
        assert "China" in flows and "European Union" in flows and currency in flows
        csv_link = browser.find_element(By.ID, "report-csv").get_attribute("href")
        cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
        csv = requests.get(csv_link, cookies=cookies)
        assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    browser.get(f"{fund_url}/report?currency=CNY&lang=zh-Hans")
    assert "双方资金流向" in browser.page_source
    shot(browser, "fund-report-zh")

    # The public dashboard shows the flows both ways, in both languages, to anyone.
    browser.delete_all_cookies()
    browser.get(f"{BASE}/dashboard?lang=en")
    flows = browser.find_element(By.ID, "chart-fund-flows").text
    assert "China → European Union" in flows and "European Union → China" in flows
    assert browser.find_element(By.CSS_SELECTOR, "#chart-fund-flows svg")
    shot(browser, "dashboard-en")
    browser.get(f"{BASE}/dashboard?lang=zh-Hans")
    flows = browser.find_element(By.ID, "chart-fund-flows").text
    assert "中国 → 欧盟" in flows and "欧盟 → 中国" in flows
    csv = requests.get(browser.find_element(By.CSS_SELECTOR, "#chart-fund-flows a.csv-link").get_attribute("href"))
    assert csv.text.startswith("出资方所在 → 项目所在,承诺出资,已拨款")
    shot(browser, "dashboard-zh")


def test_outsiders_do_not_see_the_fund(browser):
    suffix = uuid.uuid4().hex[:6]
    email = f"outsider-{suffix}@example.eu"
    assert requests.post(f"{BASE}/api/v1/accounts",
                         json={"email": email, "password": "correct horse battery", "displayName": "Olga"}).ok
    log_in_as_demo(browser, "en")
    fund_url = open_demo_fund(browser, "en")
    log_in(browser, email, "en")
    browser.get(fund_url)
    assert "404" in browser.page_source or "No fund" in browser.page_source
