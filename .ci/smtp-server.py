#!/usr/bin/env python3
"""A real SMTP server on loopback for the SilkbridgeMail tests (aiosmtpd from PyPI).

Ports:
  --port        STARTTLS offered, AUTH PLAIN and LOGIN only after STARTTLS, SMTPUTF8 and 8BITMIME offered.
                Mail without a log-in is taken too, like a relay's submission port, so tests without credentials
                run against the same server; a wrong password gets 535.
  --tls-port    TLS from the first byte (smtps). Offers AUTH LOGIN only, so the client's LOGIN path is used.
  --plain-port  No TLS, no AUTH, no SMTPUTF8: a bare local relay.

Every accepted message is stored as <maildir>/<n>.eml (the bytes received, dot-stuffing undone) and, once that
file is complete, <maildir>/<n>.json with the envelope: mail_from, rcpt_tos, mail_options, tls, auth_user.

Recipients whose local part (before an optional +tag) is one of these make the server misbehave:
  reject  550 at RCPT TO          busy  451 at RCPT TO
  slow    waits --slow-seconds before answering RCPT TO
  drop    closes the connection after reading part of the message data

The certificate and key are made (with a CA that signs them, written to --ca) when --cert or --key is missing.
Prints "ready" on stdout, and writes --ready-file if given, once every port listens.
"""

import argparse
import asyncio
import datetime
import ipaddress
import json
import logging
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

HOSTNAME = "silkbridge-test-smtp"


def kind_of(address):
    local = address.rsplit("@", 1)[0]
    return local.split("+", 1)[0].lower()


class Handler:
    def __init__(self, maildir, slow_seconds):
        self.maildir = maildir
        self.slow_seconds = slow_seconds
        numbers = [int(name[:-4]) for name in os.listdir(maildir) if name.endswith(".eml") and name[:-4].isdigit()]
        self.count = max(numbers, default=0)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        kind = kind_of(address)
        if kind == "reject":
            return f"550 5.1.1 <{address}>: recipient rejected"
        if kind == "busy":
            return "451 4.3.0 mailbox busy, try again later"
        if kind == "slow":
            await asyncio.sleep(self.slow_seconds)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        # One event loop serves every port, so the counter needs no lock.
        self.count += 1
        number = self.count
        content = envelope.original_content or b""
        meta = {
            "id": number,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth_user": session.auth_data if session.authenticated else None,
            "helo": session.host_name,
            "size": len(content),
        }
        # The .json appears last, so a reader who finds it also finds the whole .eml.
        write_atomically(os.path.join(self.maildir, f"{number}.eml"), content)
        write_atomically(os.path.join(self.maildir, f"{number}.json"), json.dumps(meta, indent=2).encode())
        return f"250 2.0.0 OK: stored as {number}"


def write_atomically(path, data):
    temporary = f"{path}.partial"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (self.user, self.password):
            return AuthResult(success=True, auth_data=auth_data.login.decode())
        return AuthResult(success=False, handled=False)


class TestSMTP(SMTP):
    async def smtp_DATA(self, arg):
        if self.envelope is not None and any(kind_of(rcpt) == "drop" for rcpt in self.envelope.rcpt_tos):
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            await self._reader.read(1024)
            self.transport.close()
            return
        await super().smtp_DATA(arg)


def make_certificates(ca_path, cert_path, key_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    validity = (now - datetime.timedelta(hours=1), now + datetime.timedelta(days=30))
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Silkbridge test mail CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(validity[0])
        .not_valid_after(validity[1])
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        x509.IPAddress(ipaddress.ip_address("::1")),
    ]
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(validity[0])
        .not_valid_after(validity[1])
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    write_atomically(ca_path, ca.public_bytes(pem))
    write_atomically(cert_path, leaf.public_bytes(pem))
    write_atomically(
        key_path,
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    )


async def serve(args):
    os.makedirs(args.maildir, exist_ok=True)
    if not (os.path.exists(args.cert) and os.path.exists(args.key)):
        make_certificates(args.ca, args.cert, args.key)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)

    loop = asyncio.get_running_loop()
    handler = Handler(args.maildir, args.slow_seconds)
    authenticator = Authenticator(args.user, args.password)

    def factory(**options):
        return lambda: TestSMTP(
            handler,
            hostname=HOSTNAME,
            data_size_limit=args.size,
            authenticator=authenticator,
            auth_required=False,
            loop=loop,
            **options,
        )

    servers = [
        await loop.create_server(
            factory(tls_context=tls, auth_require_tls=True, enable_SMTPUTF8=True), args.host, args.port
        )
    ]
    if args.tls_port:
        # The connection is TLS from the start, which aiosmtpd does not see: AUTH is allowed without STARTTLS.
        servers.append(
            await loop.create_server(
                factory(auth_require_tls=False, enable_SMTPUTF8=True, auth_exclude_mechanism=["PLAIN"]),
                args.host,
                args.tls_port,
                ssl=tls,
            )
        )
    if args.plain_port:
        servers.append(
            await loop.create_server(
                factory(auth_require_tls=True, enable_SMTPUTF8=False), args.host, args.plain_port
            )
        )

    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    if args.ready_file:
        write_atomically(args.ready_file, b"ready\n")
    print("ready", flush=True)
    await stop.wait()
    for server in servers:
        server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="STARTTLS port")
    parser.add_argument("--tls-port", type=int, help="implicit TLS port")
    parser.add_argument("--plain-port", type=int, help="port without TLS or AUTH")
    parser.add_argument("--cert", required=True, help="server certificate (PEM), made when missing")
    parser.add_argument("--key", required=True, help="server private key (PEM), made when missing")
    parser.add_argument("--ca", required=True, help="where the CA that signs a made certificate is written")
    parser.add_argument("--user", default="silkbridge")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--size", type=int, default=10 * 1024 * 1024, help="SIZE limit in bytes")
    parser.add_argument("--slow-seconds", type=float, default=5.0)
    parser.add_argument("--ready-file")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    if not args.verbose:
        # aiosmtpd warns about its own deprecated attributes on every log-in.
        logging.getLogger("mail.log").setLevel(logging.ERROR)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
