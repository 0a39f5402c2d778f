import Foundation

/// Which side of the cooperation an organisation is on; derived from its country.
public enum Side: String, Sendable, CaseIterable, Codable {
    case china = "cn"
    case europe = "eu"

    public var label: Message {
        switch self {
        case .china: Message("China", "中国")
        case .europe: Message("European Union", "欧盟")
        }
    }
}
