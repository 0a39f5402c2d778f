import Foundation

/// Checks what a participant registers with.
struct RegistrationValidator {
    static let maxNameLength = 120
    static let maxWantsLength = 1000

    let event: Event

    func apply(_ input: RegistrationInput, to base: Registration) throws(ValidationError) -> Registration {
        var registration = base
        var validator = Validator()
        if let name = input.displayName { registration.displayName = name.trimmingCharacters(in: .whitespaces) }
        validator.checkText(
            registration.displayName, field: "displayName", required: true, maxLength: Self.maxNameLength)
        if let sessions = input.availableSessions { registration.availableSessions = sessions }
        if registration.availableSessions.isEmpty {
            validator.add("availableSessions", Message("must name at least one session.", "至少选择一场洽谈。"))
        }
        for index in registration.availableSessions.sorted() where !event.sessions.indices.contains(index) {
            validator.add(
                "availableSessions",
                Message("\(index) is not a session of this event.", "\(index) 不是该活动的洽谈场次。"))
        }
        if let wants = input.wants { registration.wants = wants.trimmed }
        validator.checkText(registration.wants.english, field: "wants.en", maxLength: Self.maxWantsLength)
        validator.checkText(registration.wants.chinese, field: "wants.zh-Hans", maxLength: Self.maxWantsLength)
        try validator.finish()
        return registration
    }
}
