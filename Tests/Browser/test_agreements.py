"""End to end: two organisations sign a letter of intent, one from the command line and one in the browser with
WebCrypto, and a third party verifies the downloaded bundle offline with the command line."""

import json
import os
import subprocess
import uuid

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_directory import BASE, browser, click_and_wait, shot, submit  # noqa: F401  (browser is a fixture)
from test_exchange import PASSWORD, log_in

BINARY = os.environ.get("SILKBRIDGE_BINARY", ".build/debug/silkbridge")
API = f"{BASE}/api/v1"


def cli(*arguments, check=True):
    result = subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def party(folder, email, name, organization, key_name):
    """An account, its organisation, a key made on this computer and registered, and the signatory role."""
    assert requests.post(f"{API}/accounts", json={"email": email, "password": PASSWORD, "displayName": name}).ok
    token = requests.post(f"{API}/sessions", json={"email": email, "password": PASSWORD}).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    created = requests.post(f"{API}/organizations", json=organization, headers=auth)
    assert created.status_code == 201, created.text
    organization_id = created.json()["id"]
    key_file = os.path.join(folder, key_name.replace("/", "_") + ".key")
    verifier_key = cli("keys", "generate", "--name", key_name, "--out", key_file).stdout.strip()
    registered = requests.post(f"{API}/organizations/{organization_id}/keys", json={"publicKey": verifier_key},
                               headers=auth)
    assert registered.status_code == 201, registered.text
    me = requests.get(f"{API}/me", headers=auth).json()["account"]["id"]
    members = requests.get(f"{API}/organizations/{organization_id}/members", headers=auth).json()["items"]
    member = next(m for m in members if m.get("accountId") == me)
    granted = requests.put(f"{API}/organizations/{organization_id}/members/{member['id']}/signatory", headers=auth)
    assert granted.ok, granted.text
    return {"token": token, "id": organization_id, "key": key_file}


def test_sign_by_command_line_and_in_the_browser_then_verify_offline(browser, tmp_path):
    suffix = uuid.uuid4().hex[:6]
    europe_email, china_email = f"loi-eu-{suffix}@example.eu", f"loi-cn-{suffix}@example.cn"
    europe = party(tmp_path, europe_email, "Anna", {"name": {"en": f"Isar Grid {suffix}"}, "type": "startup",
                   "country": "DE", "size": "micro", "areas": ["smart-energy"]}, f"isar-{suffix}.eu/signing")
    china = party(tmp_path, china_email, "王芳", {"name": {"zh-Hans": f"深圳电网{suffix}"}, "type": "company",
                  "country": "CN", "province": "CN-GD", "size": "large", "areas": ["smart-energy"]},
                  f"sz-{suffix}.cn/signing")

    # The European party drafts the letter of intent in the browser and freezes it for signature.
    log_in(browser, europe_email, "en")
    browser.get(f"{BASE}/agreements/new?party={china['id']}")
    Select(browser.find_element(By.ID, "organization")).select_by_value(europe["id"])
    Select(browser.find_element(By.ID, "kind")).select_by_value("letter-of-intent")
    browser.find_element(By.ID, "title_en").send_keys(f"Smart grid letter of intent {suffix}")
    browser.find_element(By.ID, "title_zh").send_keys(f"智能电网合作意向书 {suffix}")
    browser.find_element(By.ID, "text_en").send_keys("The parties intend to cooperate on smart meters.")
    browser.find_element(By.ID, "text_zh").send_keys("双方有意在智能电表方面开展合作。")
    Select(browser.find_element(By.ID, "prevailing")).select_by_value("en")
    browser.find_element(By.ID, "termStart").send_keys("12/01/2026")
    browser.find_element(By.CSS_SELECTOR, "input[name=areas][value=smart-energy]").click()
    submit(browser)
    agreement_url = browser.current_url.split("?")[0]
    agreement_id = agreement_url.rsplit("/", 1)[1]
    assert browser.find_element(By.ID, "agreement-status").text == "Draft"
    click_and_wait(browser, browser.find_element(By.ID, "open-for-signature"))
    shot(browser, "agreement-open")

    # The European party signs from its own computer; only the signature travels.
    signed = cli("agreement", "sign", "--key", europe["key"], "--agreement", agreement_id, "--url", BASE,
                 "--token", europe["token"])
    assert "signed version 1" in signed.stdout

    # The Chinese party signs in the browser with WebCrypto, pasting the key it keeps.
    log_in(browser, china_email, "zh-Hans")
    browser.get(agreement_url)
    with open(china["key"]) as key_file:
        browser.find_element(By.CSS_SELECTOR, "form.sign-form .private-key").send_keys(key_file.read().strip())
    submit(browser, "form.sign-form")
    WebDriverWait(browser, 10).until(
        lambda driver: "status-in-force" in driver.find_element(By.ID, "agreement-status").get_attribute("class"))
    assert "已生效" in browser.find_element(By.ID, "agreement-status").text
    assert not browser.find_elements(By.CSS_SELECTOR, ".checks-list li.failed")
    assert browser.find_elements(By.CSS_SELECTOR, ".checks-list li.ok")
    shot(browser, "agreement-in-force-zh")

    # A third party downloads the bundle and verifies it offline, trusting only the log key it pinned.
    log_key = requests.get(f"{API}/ledger").json()["verifierKey"]
    bundle = requests.get(f"{API}/agreements/{agreement_id}/bundle")
    assert bundle.ok, bundle.text
    bundle_file = tmp_path / "bundle.json"
    bundle_file.write_text(bundle.text)
    verified = cli("agreement", "verify", str(bundle_file), "--log-key", log_key)
    assert "OK: agreement" in verified.stdout
    assert "FAILED" not in verified.stdout

    # A tampered bundle fails and says which check.
    tampered = json.loads(bundle.text)
    tampered["sha256"] = "0" * 64
    bundle_file.write_text(json.dumps(tampered))
    refused = cli("agreement", "verify", str(bundle_file), "--log-key", log_key, check=False)
    assert refused.returncode != 0
    assert "FAILED: document SHA-256" in refused.stdout
