import SilkbridgeCore

/// Made-up names for the demo's delegates, drawn from common given and family names on each side.
package enum DemoNames {
    package static let europeanGiven = [
        "Anna", "Lukas", "Sofia", "Matteo", "Emma", "Jan", "Chiara", "Pierre", "Elena", "Mikko", "Ines", "Tomás",
        "Clara", "Nils", "Marta", "Jonas", "Eva", "Piotr", "Laura", "Dimitris",
    ]
    package static let europeanFamily = [
        "Weber", "Rossi", "Dubois", "Novak", "Jansen", "García", "Virtanen", "Kowalski", "Papadopoulos", "Silva",
        "Lindqvist", "Horvat", "Fischer", "Moreau", "Bianchi", "de Vries",
    ]
    package static let chineseFamily = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"]
    package static let chineseGiven = ["芳", "伟", "静", "磊", "敏", "洋", "婷", "军", "丽", "强", "晨", "雪", "涛", "颖"]

    package static func person(on side: Side, _ random: inout SeededRandom) -> String {
        switch side {
        case .europe:
            "\(europeanGiven.randomElement(using: &random)!) \(europeanFamily.randomElement(using: &random)!)"
        case .china:
            "\(chineseFamily.randomElement(using: &random)!)\(chineseGiven.randomElement(using: &random)!)"
        }
    }
}
