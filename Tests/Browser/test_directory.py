"""End-to-end in a real browser: sign up, register an organisation, find it in both languages.

Runs against a server started with `silkbridge serve --demo`; the address comes from SILKBRIDGE_URL.
Screenshots go to SILKBRIDGE_SCREENSHOTS (default: ./browser-screenshots) for people to look at.
"""

import os
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("SILKBRIDGE_URL", "http://127.0.0.1:8080")
SHOTS = os.environ.get("SILKBRIDGE_SCREENSHOTS", "browser-screenshots")


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(5)
    os.makedirs(SHOTS, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def click_and_wait(driver, element):
    """Clicks a button or link that loads a new page, and waits until the old page is gone."""
    element.click()

    def gone(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # stale, or its node already left the document
            return True

    WebDriverWait(driver, 10).until(gone)


def submit(driver, form_selector="main form"):
    """Submits a form and waits for the next page, so no assertion reads the old one."""
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]"))


def test_sign_up_register_and_find_in_both_languages(browser):
    suffix = uuid.uuid4().hex[:8]
    english, chinese = f"Isarflux Test {suffix}", f"伊萨尔测试{suffix}"

    browser.get(f"{BASE}/?lang=en")
    assert "A digital Silk Road" in browser.page_source
    shot(browser, "01-home-en")
    browser.find_element(By.LINK_TEXT, "Sign up").click()

    browser.find_element(By.ID, "displayName").send_keys("Anna Schmidt")
    browser.find_element(By.ID, "email").send_keys(f"anna-{suffix}@example.eu")
    browser.find_element(By.ID, "password").send_keys("correct horse battery")
    submit(browser)
    WebDriverWait(browser, 10).until(EC.url_contains("/organizations/new"))

    # A first attempt without areas shows the error next to the field and keeps what was typed.
    browser.find_element(By.ID, "name_en").send_keys(english)
    browser.find_element(By.ID, "name_zh").send_keys(chinese)
    Select(browser.find_element(By.ID, "type")).select_by_value("startup")
    Select(browser.find_element(By.ID, "size")).select_by_value("micro")
    Select(browser.find_element(By.ID, "country")).select_by_value("DE")
    submit(browser)
    assert "must name at least one area" in browser.page_source
    assert browser.find_element(By.ID, "name_en").get_attribute("value") == english
    shot(browser, "02-form-error-en")

    browser.find_element(By.CSS_SELECTOR, "input[name=areas][value=smart-energy]").click()
    browser.find_element(By.ID, "description_en").send_keys("Virtual power plants; seeks Chinese battery makers.")
    submit(browser)
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.profile h1")))
    assert browser.find_element(By.CSS_SELECTOR, "article.profile h1").text == english
    shot(browser, "03-profile-en")

    browser.get(f"{BASE}/organizations")
    browser.find_element(By.ID, "q").send_keys(english)
    submit(browser, "form.filters")
    results = browser.find_elements(By.CSS_SELECTOR, "#results article h3")
    assert [r.text for r in results] == [english]
    shot(browser, "04-directory-en")

    # The language switch keeps the search and turns the page, and the organisation's name, into Chinese.
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a.lang"))
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "机构名录"))
    assert [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#results article h3")] == [chinese]

    search = browser.find_element(By.ID, "q")
    search.clear()
    search.send_keys(chinese)
    submit(browser, "form.filters")
    assert [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#results article h3")] == [chinese]
    shot(browser, "05-directory-zh")

    # It sits among the demo organisations: Huawei is found by its Chinese name too.
    search = browser.find_element(By.ID, "q")
    search.clear()
    search.send_keys("华为")
    submit(browser, "form.filters")
    assert "华为" in [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#results article h3")]

    browser.get(f"{BASE}/organizations?side=cn")
    cards = browser.find_elements(By.CSS_SELECTOR, "#results article")
    assert len(cards) >= 20
    shot(browser, "06-directory-china-zh")
