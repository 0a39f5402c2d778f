import FluentKit
import Foundation
import SilkbridgeCore

final class NotificationSettingsRecord: Model, @unchecked Sendable {
    static let schema = "notification_settings"

    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "choices") var choices: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "unsubscribe_key") var unsubscribeKey: String
    @OptionalField(key: "last_digest_day") var lastDigestDay: String?

    init() {}

    init(_ settings: NotificationSettings) {
        id = settings.accountId
        unsubscribeKey = settings.unsubscribeKey
        lastDigestDay = settings.lastDigestDay
        apply(settings)
    }

    /// What the person changes; the digest day is the digest rounds' alone, so that saving settings read before
    /// a digest cannot bring the day back and send that day's digest twice.
    func apply(_ settings: NotificationSettings) {
        choices = NoticeKind.allCases.compactMap { kind in
            settings.choices[kind].map { "\(kind.rawValue)=\($0.rawValue)" }
        }.joined(separator: ",")
        timeZone = settings.timeZone.identifier
    }

    var settings: NotificationSettings {
        get throws {
            var chosen: [NoticeKind: NoticeMailing] = [:]
            for pair in choices.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    throw UnknownStoredValue(column: "notification_settings.choices", value: String(pair))
                }
                chosen[try NoticeKind(stored: parts[0], column: "notification_settings.choices")] =
                    try NoticeMailing(stored: parts[1], column: "notification_settings.choices")
            }
            guard let zone = TimeZone(identifier: timeZone) else {
                throw UnknownStoredValue(column: "notification_settings.time_zone", value: timeZone)
            }
            return NotificationSettings(
                accountId: id!, choices: chosen, timeZone: zone, unsubscribeKey: unsubscribeKey,
                lastDigestDay: lastDigestDay)
        }
    }
}
