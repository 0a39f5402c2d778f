/// Something that takes a message off the application's hands: a mail server, or a folder on a machine without one.
public protocol MailTransport: Sendable {
    func deliver(_ message: MailMessage) async throws(MailDeliveryError)
}
