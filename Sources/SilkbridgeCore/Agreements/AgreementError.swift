import Foundation

/// Failures of agreement drafting, signing and ending.
public enum AgreementError: DomainError, Equatable {
    case agreementNotFound
    case notAParty
    case notSignatory
    case frozen
    case notOpenForSignature(AgreementStatus)
    case notInForce(AgreementStatus)
    case finished(AgreementStatus)
    case wrongVersion(signed: Int, open: Int)
    case alreadySigned
    case keyNotFound
    case keyRevoked
    case malformedSignature
    case invalidSignature
    case onlyInitiatorWithdraws
    case memberNotFound
    case busy

    public var kind: FailureKind {
        switch self {
        case .agreementNotFound, .memberNotFound: .notFound
        case .notAParty, .notSignatory, .onlyInitiatorWithdraws: .forbidden
        case .frozen, .notOpenForSignature, .notInForce, .finished, .alreadySigned, .wrongVersion: .conflict
        case .keyNotFound, .keyRevoked, .malformedSignature, .invalidSignature: .invalid
        case .busy: .unavailable
        }
    }

    public var message: Message {
        switch self {
        case .agreementNotFound:
            Message("No agreement with this id that you may see.", "没有此编号的协议，或您无权查看。")
        case .notAParty:
            Message(
                "Only members of the parties' organisations may do this.", "只有协议各方机构的成员才能执行此操作。")
        case .notSignatory:
            Message(
                "You need the signatory role in this organisation, which its owners grant.",
                "您需要该机构的签署人角色，由机构所有者授予。")
        case .frozen:
            Message(
                "The text is frozen for signature; withdraw and start a new agreement to change it.",
                "文本已冻结待签署；如需修改，请撤回并重新起草协议。")
        case .notOpenForSignature(let status):
            Message(
                "The agreement is not open for signature: it is \(status.label.english.lowercased()).",
                "协议不在待签署状态：当前为“\(status.label.chinese)”。")
        case .notInForce(let status):
            Message(
                "Only an agreement in force can be terminated; this one is \(status.label.english.lowercased()).",
                "只有已生效的协议才能终止；此协议当前为“\(status.label.chinese)”。")
        case .finished(let status):
            Message(
                "The agreement is \(status.label.english.lowercased()) and can no longer change.",
                "协议已“\(status.label.chinese)”，不能再更改。")
        case .wrongVersion(let signed, let open):
            Message(
                "version: the signature is over version \(signed), but version \(open) is open for signature.",
                "version：签名针对第 \(signed) 版，但待签署的是第 \(open) 版。")
        case .alreadySigned:
            Message("This organisation has already signed.", "该机构已经签署。")
        case .keyNotFound:
            Message(
                "keyId: no key with this id is registered for this organisation.", "keyId：该机构没有登记此编号的密钥。")
        case .keyRevoked:
            Message("keyId: this key is revoked and can no longer sign.", "keyId：该密钥已被撤销，不能再用于签署。")
        case .malformedSignature:
            Message(
                "signature: must be base64 of a 64-byte Ed25519 signature.",
                "signature：必须是 64 字节 Ed25519 签名的 base64 编码。")
        case .invalidSignature:
            Message(
                "signature: does not verify with this key over this version's signing message.",
                "signature：用此密钥无法对本版本的签署消息验证通过。")
        case .onlyInitiatorWithdraws:
            Message(
                "Only the organisation that drafted the agreement withdraws it; the other parties decline.",
                "只有起草协议的机构可以撤回；其他各方可以拒签。")
        case .memberNotFound:
            Message("No member with this id in this organisation.", "该机构中没有此编号的成员。")
        case .busy:
            Message("The agreement is being changed by others; try again.", "协议正被他人修改，请重试。")
        }
    }
}
