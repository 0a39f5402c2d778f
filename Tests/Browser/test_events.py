"""End to end in a real browser: the demo organiser (ChinaEU) runs a roundtable. A Chinese and a European demo
company register on its page, the Chinese one finds the European one among the participants and asks for a
meeting, the European one accepts, the organiser schedules with one click and sees the table plan, and the
participant downloads an agenda whose times carry the event's time zone. The pages read in both languages."""

import datetime
import re
import uuid
from zoneinfo import ZoneInfo

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_directory import BASE, browser, click_and_wait, shot, submit  # noqa: F401  (browser is a fixture)
from test_fund import DEMO_EMAIL, DEMO_PASSWORD, log_in_as_demo

API = f"{BASE}/api/v1"
CHINESE = "ningde-haixin-energy-storage@demo.silkbridge.example"
EUROPEAN = "isarflux-energy@demo.silkbridge.example"
EUROPEAN_NAME = "Isarflux Energy"


def token(email, password=DEMO_PASSWORD):
    return requests.post(f"{API}/sessions", json={"email": email, "password": password}).json()["token"]


def organization(name):
    found = requests.get(f"{API}/organizations", params={"q": name}).json()["items"]
    return next(item for item in found if item["name"].get("en") == name)


def create_roundtable():
    """A roundtable run by ChinaEU with registration open now and its meetings in Brussels in two weeks."""
    auth = {"Authorization": f"Bearer {token(DEMO_EMAIL)}"}
    chinaeu = organization("ChinaEU")["id"]
    now = datetime.datetime.now(datetime.timezone.utc)
    day = (now + datetime.timedelta(days=14)).astimezone(ZoneInfo("Europe/Brussels")).date().isoformat()
    title = f"Smart energy roundtable {uuid.uuid4().hex[:6]}"

    def instant(delta):
        return (now + delta).strftime("%Y-%m-%dT%H:%M:%SZ")

    body = {
        "organizationId": chinaeu, "kind": "roundtable",
        "title": {"en": title, "zh-Hans": "智慧能源圆桌会议"},
        "location": {"type": "venue", "name": {"en": "Residence Palace"}, "address": "Rue de la Loi 155, Brussels"},
        "timeZone": "Europe/Brussels",
        "sessions": [{"day": day, "startMinute": 600, "slotMinutes": 20, "slotCount": 4, "breakMinutes": 5,
                      "tables": 3}],
        "registrationOpens": instant(-datetime.timedelta(hours=1)),
        "registrationCloses": instant(datetime.timedelta(days=7)),
        "capacity": 20, "approvalRequired": False, "themes": ["smart-energy"], "requestCap": 3,
        "requestDeadline": instant(datetime.timedelta(days=7)),
    }
    created = requests.post(f"{API}/events", json=body, headers=auth)
    assert created.status_code == 201, created.text
    event = created.json()["id"]
    assert requests.post(f"{API}/events/{event}/publish", headers=auth).ok
    return event, title


def log_in(driver, email, language):
    driver.delete_all_cookies()
    driver.get(f"{BASE}/login?lang={language}")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(DEMO_PASSWORD)
    submit(driver)


def register(driver, event, email, language):
    log_in(driver, email, language)
    driver.get(f"{BASE}/events/{event}?lang={language}")
    submit(driver, "#register form")
    assert driver.find_element(By.ID, "registration-status").text in ("Approved", "已批准")


def test_an_organiser_runs_a_roundtable_from_registration_to_agendas(browser):
    event, title = create_roundtable()

    # Anyone reads the programme; registering needs an account.
    browser.delete_all_cookies()
    browser.get(f"{BASE}/events?lang=en")
    assert title in browser.page_source
    browser.get(f"{BASE}/events/{event}?lang=zh-Hans")
    assert "日程安排" in browser.page_source and "Europe/Brussels" in browser.page_source
    assert "登录后报名" in browser.page_source

    register(browser, event, EUROPEAN, "en")
    shot(browser, "event-registered-en")
    register(browser, event, CHINESE, "zh-Hans")

    # The Chinese company finds the European one among the participants and asks for a meeting.
    browser.find_element(By.LINK_TEXT, "可会见的参会者").click()
    card = next(c for c in browser.find_elements(By.CSS_SELECTOR, "li.participant") if EUROPEAN_NAME in c.text)
    shot(browser, "event-participants-zh")
    click_and_wait(browser, card.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "会谈申请" in browser.page_source and "待回复" in browser.page_source

    # The European company accepts.
    log_in(browser, EUROPEAN, "en")
    browser.get(f"{BASE}/events/{event}/requests?lang=en")
    received = browser.find_element(By.ID, "received")
    assert "Ningde Haixin" in received.text
    click_and_wait(browser, received.find_element(By.XPATH, ".//button[text()='Accept']"))
    assert "Accepted" in browser.find_element(By.ID, "received").text

    # The organiser schedules with one click and sees the meeting on the table plan, with its optimality gap.
    log_in_as_demo(browser, "en")
    browser.get(f"{BASE}/events/{event}?lang=en")
    assert "Ningde Haixin" in browser.find_element(By.ID, "organizer").text
    click_and_wait(browser, browser.find_element(By.ID, "run-schedule"))
    assert "Table plan" in browser.page_source
    summary = browser.find_element(By.ID, "schedule-summary").text
    assert "Meetings scheduled: 1" in summary and "0.0%" in summary, summary
    plan = browser.find_element(By.CSS_SELECTOR, ".plan-slot").text
    assert "Ningde Haixin" in plan and EUROPEAN_NAME in plan, plan
    shot(browser, "event-plan-en")

    # The participant's agenda names the meeting and downloads as a calendar in the event's time zone.
    log_in(browser, EUROPEAN, "en")
    browser.get(f"{BASE}/events/{event}/agenda?lang=en")
    assert "Ningde Haixin" in browser.find_element(By.ID, "agenda").text
    link = browser.find_element(By.ID, "agenda-ics").get_attribute("href")
    cookies = {cookie["name"]: cookie["value"] for cookie in browser.get_cookies()}
    calendar = requests.get(link, cookies=cookies)
    assert calendar.status_code == 200
    assert calendar.headers["Content-Type"].startswith("text/calendar")
    assert "attachment" in calendar.headers["Content-Disposition"]
    assert "BEGIN:VTIMEZONE" in calendar.text and "DTSTART;TZID=Europe/Brussels:" in calendar.text
    assert "Ningde Haixin" in calendar.text

    # Someone else's agenda is not there for the taking.
    assert requests.get(link).status_code in (401, 303)


def test_the_demo_user_records_what_came_of_a_roundtable_meeting(browser):
    """The demo roundtable is over: its organiser, who also met partners there, says what came of a meeting,
    linking the letter of intent signed from it, and the organisers' counts include the answer."""
    log_in_as_demo(browser, "en")
    browser.get(f"{BASE}/events?lang=en")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "First China–EU Digital Cooperation Roundtable"))
    event_link = browser.current_url.split("?")[0]
    answers = re.compile(r"Right after the meeting (\d+)")
    before = int(answers.search(browser.find_element(By.ID, "organizer").text).group(1))

    browser.get(f"{event_link}/agenda?lang=en")
    meeting = next(m for m in browser.find_elements(By.CSS_SELECTOR, "li.agenda-meeting")
                   if "China Internet Development Foundation" in m.text)
    # The partner has answered already; the demo user's own answer is still to give.
    assert "Your partner · Right after the meeting: Agreement reached" in meeting.text
    assert "You · " not in meeting.text
    form = meeting.find_element(By.CSS_SELECTOR, "form.outcome-form")
    Select(form.find_element(By.NAME, "outcome")).select_by_value("agreement-reached")
    agreement = Select(form.find_element(By.NAME, "agreementId"))
    agreement.select_by_index(1)
    form.find_element(By.NAME, "note").send_keys("Letter of intent signed at the roundtable.")
    shot(browser, "event-outcome-form-en")
    click_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    meeting = next(m for m in browser.find_elements(By.CSS_SELECTOR, "li.agenda-meeting")
                   if "China Internet Development Foundation" in m.text)
    assert "You · Right after the meeting: Agreement reached — Letter of intent signed at the roundtable." in meeting.text
    assert meeting.find_element(By.LINK_TEXT, "Agreement signed from it").get_attribute("href").startswith(
        f"{BASE}/agreements/")
    # Now the survey is open for the same meeting.
    assert "Follow-up survey" in meeting.find_element(By.CSS_SELECTOR, "form.outcome-form").text

    browser.get(f"{event_link}?lang=en")
    assert int(answers.search(browser.find_element(By.ID, "organizer").text).group(1)) == before + 1

    browser.get(f"{event_link}/agenda?lang=zh-Hans")
    assert "会谈成果" in browser.page_source and "已达成协议" in browser.page_source
    shot(browser, "event-agenda-zh")
