import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// The signed-in person's mail settings.
protocol NotificationsAPI: FeatureAPI {
    var notifications: NotificationService { get }
}

extension NotificationsAPI {
    func getNotificationSettings(_ input: Operations.GetNotificationSettings.Input) async throws
        -> Operations.GetNotificationSettings.Output
    {
        .ok(.init(body: .json(try .init(try await notifications.settings(of: try requireAccount())))))
    }

    func updateNotificationSettings(_ input: Operations.UpdateNotificationSettings.Input) async throws
        -> Operations.UpdateNotificationSettings.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        var choices: [NoticeKind: NoticeMailing] = [:]
        var validator = Validator()
        for choice in body.choices {
            let kind = try NoticeKind(mapping: choice.kind)
            if choices[kind] != nil {
                validator.add("choices", Message("lists \(kind.rawValue) twice.", "重复列出了 \(kind.rawValue)。"))
            }
            choices[kind] = try NoticeMailing(mapping: choice.mailing)
        }
        try validator.finish()
        let settings = try await notifications.update(
            try requireAccount(), choices: choices, timeZone: body.timeZone)
        return .ok(.init(body: .json(try .init(settings))))
    }
}

extension Components.Schemas.NotificationSettings {
    init(_ settings: NotificationSettings) throws {
        self.init(
            timeZone: settings.timeZone.identifier,
            choices: try NoticeKind.allCases.map { kind in
                .init(
                    kind: try Components.Schemas.NoticeKind(mapping: kind),
                    mailing: try Components.Schemas.NoticeMailing(mapping: settings.mailing(for: kind)))
            })
    }
}
