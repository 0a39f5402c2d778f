"""End-to-end in a real browser, with the mail a real SMTP server received: a new person signs up in Chinese,
confirms the address from the mail, forgets the password, sets a new one from the second mail and logs in.

Needs the server to send through the SMTP server that `.ci/run` starts, whose mails land in
SILKBRIDGE_TEST_SMTP_MAILDIR (`<n>.eml`, with the envelope in `<n>.json` written once the mail is complete).
"""

import email
import email.policy
import json
import os
import re
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_directory import BASE, browser, shot, submit  # noqa: F401 (browser is a fixture)

MAILDIR = os.environ.get("SILKBRIDGE_TEST_SMTP_MAILDIR")
pytestmark = pytest.mark.skipif(not MAILDIR, reason="needs the SMTP server of .ci/run")


def mail_to(address, kind, seen):
    """The first mail to the address not in `seen` whose text has a link of this kind, as the server's worker
    delivers it within a few seconds (the same wait a person has for their inbox)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for name in sorted(os.listdir(MAILDIR)):
            if not name.endswith(".json") or name in seen:
                continue
            with open(os.path.join(MAILDIR, name), encoding="utf-8") as file:
                envelope = json.load(file)
            if address not in envelope["rcpt_tos"]:
                continue
            with open(os.path.join(MAILDIR, name[:-5] + ".eml"), "rb") as file:
                message = email.message_from_binary_file(file, policy=email.policy.default)
            text = message.get_body(preferencelist=("plain",)).get_content()
            link = re.search(r"https?://\S+/" + kind + r"\?token=[A-Za-z0-9_-]+", text)
            if link:
                seen.add(name)
                return message, link.group(0)
        time.sleep(0.5)
    raise AssertionError(f"no {kind} mail to {address} arrived")


def test_sign_up_confirm_the_address_and_reset_the_password_from_the_mails(browser):
    suffix = uuid.uuid4().hex[:8]
    address = f"wang-{suffix}@example.cn"
    seen = set()

    browser.get(f"{BASE}/signup?lang=zh-Hans")
    browser.find_element(By.ID, "displayName").send_keys("王芳")
    browser.find_element(By.ID, "email").send_keys(address)
    browser.find_element(By.ID, "password").send_keys("correct horse battery")
    submit(browser)
    WebDriverWait(browser, 10).until(EC.url_contains("/organizations/new"))
    banner = browser.find_element(By.CSS_SELECTOR, "p.banner")
    assert address in banner.text and "确认" in banner.text

    message, link = mail_to(address, "verify-email", seen)
    assert message["Subject"] == "确认您在丝桥的电子邮箱地址"
    assert "王芳" in str(message["To"]) and address in str(message["To"])
    assert message["Message-ID"]
    browser.get(link)
    shot(browser, "mail-01-verify-zh")
    submit(browser)
    assert "您的地址已确认" in browser.page_source
    browser.get(f"{BASE}/account")
    assert not browser.find_elements(By.CSS_SELECTOR, "p.banner")
    assert "已确认" in browser.page_source

    # Logged out, the password forgotten: the log-in page leads to a new one.
    submit(browser, "header form")
    browser.get(f"{BASE}/login?lang=zh-Hans")
    browser.find_element(By.LINK_TEXT, "设置新密码").click()
    browser.find_element(By.ID, "email").send_keys(address)
    submit(browser)
    assert "请查看收件箱" in browser.page_source

    message, link = mail_to(address, "reset-password", seen)
    assert message["Subject"] == "为丝桥设置新密码"
    browser.set_window_size(390, 844)
    browser.get(link)
    shot(browser, "mail-02-reset-zh-phone")
    browser.find_element(By.ID, "password").send_keys("a new horse battery")
    submit(browser)
    assert "密码已更改" in browser.page_source
    browser.set_window_size(1280, 1000)

    browser.get(f"{BASE}/login?lang=zh-Hans")
    browser.find_element(By.ID, "email").send_keys(address)
    browser.find_element(By.ID, "password").send_keys("a new horse battery")
    submit(browser)
    assert "/login" not in browser.current_url
