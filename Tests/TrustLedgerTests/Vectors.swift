import Foundation
import Testing

/// Access to the copied test vectors in the test bundle.
enum Resources {
    static let root = Bundle.module.url(forResource: "Resources", withExtension: nil)!

    static func data(_ path: String) -> Data {
        try! Data(contentsOf: root.appendingPathComponent(path))
    }

    static func text(_ path: String) -> String {
        String(decoding: data(path), as: UTF8.self)
    }

    /// Relative paths of the regular files under `folder`, sorted.
    static func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(atPath: base.path)!
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    static func decode<T: Decodable>(_ type: T.Type, from path: String) -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(type, from: data(path))
    }
}

struct InclusionCase: Decodable, Sendable, CustomTestStringConvertible {
    var file = ""
    let leafIdx: UInt64
    let treeSize: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool

    enum CodingKeys: String, CodingKey {
        case leafIdx, treeSize, root, leafHash, proof, desc, wantErr
    }

    var testDescription: String { file }

    static let all: [InclusionCase] = Resources.files(under: "merkle/testdata/inclusion").map { path in
        var value = Resources.decode(InclusionCase.self, from: "merkle/testdata/inclusion/" + path)
        value.file = path
        return value
    }
}

struct ConsistencyCase: Decodable, Sendable, CustomTestStringConvertible {
    var file = ""
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool

    enum CodingKeys: String, CodingKey {
        case size1, size2, root1, root2, proof, desc, wantErr
    }

    var testDescription: String { file }

    static let all: [ConsistencyCase] = Resources.files(under: "merkle/testdata/consistency").map { path in
        var value = Resources.decode(ConsistencyCase.self, from: "merkle/testdata/consistency/" + path)
        value.file = path
        return value
    }
}

struct ReferenceTree: Decodable, Sendable {
    struct Tree: Decodable, Sendable {
        let leafInputsHex: [String]
        let nodeHashesByLevelHex: [[String]]
        let rootHashBySizeHex: [String]
    }
    let referenceTree: Tree
    let hasher: [String: String]

    static let vectors = Resources.decode(ReferenceTree.self, from: "merkle/reference-tree.json")
}

struct SignedNoteVectors: Decodable, Sendable {
    struct Vector: Decodable, Sendable {
        let name: String
        let vkey: String?
        let skey: String?
        let note: String?
        let text: String?
        let signedNote: String?
        let signatureLineOverSameText: String?
        let bad: [String]?
    }
    let vectors: [Vector]

    static let all = Resources.decode(SignedNoteVectors.self, from: "signed-note/signed-note-vectors.json").vectors

    static func named(_ name: String) -> Vector {
        all.first { $0.name == name }!
    }
}

struct DerivedVectors: Decodable, Sendable {
    struct Inclusion: Decodable, Sendable {
        let leafIdx: UInt64
        let treeSize: UInt64
        let leafHash: String?
        let root: String?
        let proof: [String]
    }
    struct Consistency: Decodable, Sendable {
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]
    }
    let logVkey: String
    let logEd25519SeedHex: String
    let witnessVkeyType04: String
    let witnessEd25519SeedHex: String
    let leavesHex: [String]
    let checkpointSize8: String
    let checkpointSize300: String
    let cosignatureTimestamp: UInt64
    let cosignatureSignedMessage: String
    let checkpointSize300Cosigned: String
    let inclusion5In300: Inclusion
    let inclusion5In8: Inclusion
    let consistency8To300: Consistency
    let tlogWitnessAddCheckpointRequestBody: String

    static let vectors = Resources.decode(DerivedVectors.self, from: "derived/derived-vectors.json")

    var leaves: [Data] { leavesHex.map { Data(hex: $0) } }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes)
    }

    init(base64: String) {
        self.init(base64Encoded: base64)!
    }
}

extension Array where Element == String {
    var base64Decoded: [Data] { map { Data(base64: $0) } }
}
