import Crypto
import Foundation
import Testing
import TrustLedger

@Suite struct SignedNoteTests {
    @Test func specExampleVerifies() throws {
        let vector = SignedNoteVectors.named("c2sp_signed_note_example")
        let verifier = try Ed25519NoteVerifier(verifierKey: vector.vkey!)
        #expect(verifier.name == "example.com/foo")
        #expect(verifier.keyID == 0x530d_903a)
        #expect(
            SignatureType.ed25519.keyID(name: "example.com/foo", publicKey: verifier.publicKey.rawRepresentation)
                == 0x530d_903a)
        #expect(verifier.verifierKey == vector.vkey)
        let opened = try SignedNote.open(Data(vector.note!.utf8), verifiers: [verifier])
        #expect(opened.text == "This is an example message.\n")
        #expect(opened.verifiedSignatures.map(\.name) == ["example.com/foo"])
        #expect(opened.unverifiedSignatures.isEmpty)
    }

    @Test func deterministicSigningVector() throws {
        let vector = SignedNoteVectors.named("go_x_mod_PeterNeumann_sign")
        let signer = try Ed25519NoteSigner(privateKeyString: vector.skey!)
        #expect(signer.privateKeyString == vector.skey)
        #expect(signer.verifier.verifierKey == vector.vkey)
        let note = try SignedNote.sign(text: vector.text!, signers: [signer])
        #expect(String(decoding: note.serialized, as: UTF8.self) == vector.signedNote)
        let reparsed = try SignedNote(parsing: note.serialized)
        #expect(reparsed == note)
    }

    @Test func unknownSignerIsIgnored() throws {
        let peter = SignedNoteVectors.named("go_x_mod_PeterNeumann_sign")
        let enoch = SignedNoteVectors.named("go_x_mod_EnochRoot")
        let twoSignatures = Data((peter.signedNote! + enoch.signatureLineOverSameText!).utf8)
        let peterKey = try Ed25519NoteVerifier(verifierKey: peter.vkey!)
        let enochKey = try Ed25519NoteVerifier(verifierKey: enoch.vkey!)

        let onlyPeter = try SignedNote.open(twoSignatures, verifiers: [peterKey])
        #expect(onlyPeter.verifiedSignatures.map(\.name) == ["PeterNeumann"])
        #expect(onlyPeter.unverifiedSignatures.map(\.name) == ["EnochRoot"])
        #expect(onlyPeter.unverifiedSignatures.first?.keyID == 0xaf0c_fe78)

        let onlyEnoch = try SignedNote.open(twoSignatures, verifiers: [enochKey])
        #expect(onlyEnoch.verifiedSignatures.map(\.name) == ["EnochRoot"])

        let both = try SignedNote.open(twoSignatures, verifiers: [enochKey, peterKey])
        #expect(both.verifiedSignatures.map(\.name) == ["PeterNeumann", "EnochRoot"])
    }

    @Test func keyWithSameNameButOtherIDIsUnknown() throws {
        let vector = SignedNoteVectors.named("go_x_mod_PeterNeumann_sign")
        let impostor = try Ed25519NoteSigner.generate(name: "PeterNeumann")
        #expect(throws: NoteError.noVerifiedSignature) {
            try SignedNote.open(Data(vector.signedNote!.utf8), verifiers: [impostor.verifier])
        }
    }

    @Test func badSignatureFromKnownKeyRejectsNote() throws {
        let vector = SignedNoteVectors.named("go_x_mod_PeterNeumann_sign")
        let verifier = try Ed25519NoteVerifier(verifierKey: vector.vkey!)
        let tampered = vector.signedNote!.replacingOccurrences(of: "what your problem", with: "what your problems")
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try SignedNote.open(Data(tampered.utf8), verifiers: [verifier])
        }
    }

    @Test func duplicateSignatureLinesAreIgnored() throws {
        let vector = SignedNoteVectors.named("go_x_mod_PeterNeumann_sign")
        let signatureLine = vector.signedNote!.components(separatedBy: "\n\n").last!
        let note = Data((vector.signedNote! + signatureLine).utf8)
        let opened = try SignedNote.open(note, verifiers: [try Ed25519NoteVerifier(verifierKey: vector.vkey!)])
        #expect(opened.verifiedSignatures.count == 1)
    }

    @Test(arguments: SignedNoteVectors.named("go_x_mod_bad_vkeys").bad!)
    func badVerifierKeysAreRejected(_ key: String) {
        #expect(throws: NoteError.self) { try VerifierKey.parse(key) }
    }

    @Test(arguments: [
        "", "name", "name+530d903a", "a b+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        "+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        "example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        "example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2",
        "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k+extra",
        "example.com/foo+530d903a+",
    ])
    func malformedVerifierKeysAreRejected(_ key: String) {
        #expect(throws: NoteError.self) { try VerifierKey.parse(key) }
    }

    @Test func verifierKeyTypesDispatch() throws {
        let derived = DerivedVectors.vectors
        #expect(try VerifierKey.parse(derived.logVkey) is Ed25519NoteVerifier)
        #expect(try VerifierKey.parse(derived.witnessVkeyType04) is CosignatureVerifier)
        #expect(throws: NoteError.unsupportedSignatureType(0x04)) {
            try Ed25519NoteVerifier(verifierKey: derived.witnessVkeyType04)
        }
    }

    @Test func generatedKeysRoundTrip() throws {
        let signer = try Ed25519NoteSigner.generate(name: "log.example/a")
        let restored = try Ed25519NoteSigner(privateKeyString: signer.privateKeyString)
        #expect(restored.keyID == signer.keyID)
        #expect(signer.privateKeyString.hasPrefix("PRIVATE+KEY+log.example/a+"))
        let verifier = try Ed25519NoteVerifier(verifierKey: restored.verifier.verifierKey)
        let note = try SignedNote.sign(text: "hello\n\nworld\n", signers: [restored])
        let opened = try SignedNote.open(note.serialized, verifiers: [verifier])
        #expect(opened.text == "hello\n\nworld\n")
        #expect(throws: NoteError.self) { try Ed25519NoteSigner(privateKeyString: "PRIVATE+KEY+x+00000000+AQ==") }
    }

    @Test(arguments: ["", "no newline", "tab\there\n", "bell\u{7}\n"])
    func invalidTextIsNotSigned(_ text: String) throws {
        let signer = try Ed25519NoteSigner.generate(name: "signer")
        #expect(throws: NoteError.self) { try SignedNote.sign(text: text, signers: [signer]) }
    }

    @Test(arguments: ["", "a b", "a+b", "a\u{00A0}b", "a\u{2003}b", "tab\tname"])
    func invalidKeyNamesAreRejected(_ name: String) {
        #expect(throws: NoteError.invalidKeyName(name)) { try Ed25519NoteSigner.generate(name: name) }
    }

    static let validSignature =
        "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    static let malformedNotes: [(String, String)] = [
        ("no blank line", "text\n" + validSignature),
        ("no signatures", "text\n\n"),
        ("no final newline", "text\n\n" + validSignature.dropLast()),
        ("control character", "te\u{1}xt\n\n" + validSignature),
        ("carriage return", "text\r\n\n" + validSignature),
        (
            "no em dash",
            "text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        ),
        (
            "plus in name",
            "text\n\n— Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        ),
        (
            "empty name",
            "text\n\n—  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        ),
        (
            "space in signature",
            "text\n\n— PeterNeumann x08go/ZJkuBS9UG/ SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        ),
        ("no signature", "text\n\n— PeterNeumann\n"),
        ("short signature", "text\n\n— PeterNeumann AAAAAA==\n"),
        ("non-canonical base64", "text\n\n— PeterNeumann AAAAAAB=\n"),
        ("too many signatures", "text\n\n" + String(repeating: validSignature, count: SignedNote.maxSignatures + 1)),
    ]

    @Test(arguments: malformedNotes)
    func malformedNotesAreRejected(_ reason: String, _ note: String) {
        #expect(throws: NoteError.self, "\(reason)") { try SignedNote(parsing: Data(note.utf8)) }
    }

    @Test func invalidUTF8IsRejected() {
        let note = Data("text".utf8) + Data([0xFF, 0x0A, 0x0A]) + Data(Self.validSignature.utf8)
        #expect(throws: NoteError.malformedNote("not valid UTF-8")) { try SignedNote(parsing: note) }
    }

    @Test func sixteenSignaturesAreAccepted() throws {
        let signers = try (0..<16).map { try Ed25519NoteSigner.generate(name: "signer\($0)") }
        let note = try SignedNote.sign(text: "many\n", signers: signers)
        let opened = try SignedNote.open(note.serialized, verifiers: signers.map(\.verifier))
        #expect(opened.verifiedSignatures.count == 16)
    }

    @Test func textIsSeparatedAtLastBlankLine() throws {
        let signer = try Ed25519NoteSigner.generate(name: "signer")
        let note = try SignedNote.sign(text: "a\n\n\nb\n\n", signers: [signer])
        let parsed = try SignedNote(parsing: note.serialized)
        #expect(parsed.text == "a\n\n\nb\n\n")
        _ = try parsed.verify(using: [signer.verifier])
    }

    @Test func rekorNoteParsesButNeedsItsKey() throws {
        let vector = SignedNoteVectors.named("rekor_ecdsa_note")
        let note = try SignedNote(parsing: Data(vector.note!.utf8))
        #expect(note.signatures.map(\.name) == ["rekor.sigstore.dev"])
        let checkpoint = try Checkpoint(text: note.text)
        #expect(checkpoint.origin == "Rekor")
        #expect(checkpoint.size == 798_034)
        let unrelated = try Ed25519NoteSigner.generate(name: "rekor.sigstore.dev")
        #expect(throws: NoteError.noVerifiedSignature) { try note.verify(using: [unrelated.verifier]) }
    }
}
