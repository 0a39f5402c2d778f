import Foundation

/// Failures of the fund's rules, each with the reason in both languages.
public enum FundError: DomainError, Equatable {
    case fundNotFound
    case contributorNotFound
    case projectNotFound
    case commitmentNotFound
    case notFundManager
    case alreadyContributor
    /// Money is committed only by contributors that confirmed.
    case contributorNotConfirmed(ContributorStatus)
    /// Only an invitation is answered, and only once.
    case invitationAnswered(ContributorStatus)
    case pledgeExceeded(remaining: Money, asked: Money)
    case commitmentExceeded(remaining: Money, asked: Money)
    case stageNotAllowed(from: ProjectStage, to: ProjectStage)
    case stageNeedsCommitment
    case stageNeedsDisbursement
    case notTakingCommitments(ProjectStage)
    case notTakingDisbursements(ProjectStage)
    case wrongCurrency(expected: CurrencyCode, got: CurrencyCode)
    case beforeCommitment(CalendarDay)
    case nothingDisbursed
    case reportCurrency(CurrencyCode)
    case busy

    public var kind: FailureKind {
        switch self {
        case .fundNotFound, .contributorNotFound, .projectNotFound, .commitmentNotFound: .notFound
        case .notFundManager: .forbidden
        case .alreadyContributor, .contributorNotConfirmed, .invitationAnswered, .pledgeExceeded, .commitmentExceeded,
            .stageNotAllowed, .stageNeedsCommitment,
            .stageNeedsDisbursement, .notTakingCommitments, .notTakingDisbursements, .nothingDisbursed:
            .conflict
        case .wrongCurrency, .beforeCommitment, .reportCurrency: .invalid
        case .busy: .unavailable
        }
    }

    public var message: Message {
        switch self {
        case .fundNotFound:
            Message("No fund with this id that you may see.", "没有此编号的基金，或您无权查看。")
        case .contributorNotFound:
            Message("No contributor with this id in this fund.", "该基金中没有此编号的出资方。")
        case .projectNotFound:
            Message("No project with this id in this fund.", "该基金中没有此编号的项目。")
        case .commitmentNotFound:
            Message("No commitment with this id that you may see in this fund.", "该基金中没有此编号的出资承诺，或您无权查看。")
        case .notFundManager:
            Message(
                "Only the fund's managers (owners and admins of its managing organisation) may change the fund.",
                "只有基金管理人（基金管理机构的所有者和管理员）才能更改基金。")
        case .alreadyContributor:
            Message(
                "This organisation already contributes to the fund, or is invited to.", "该机构已是本基金的出资方，或已受邀出资。")
        case .contributorNotConfirmed(let status):
            status == .declined
                ? Message(
                    "This organisation declined to contribute to the fund: nothing is committed on its behalf.",
                    "该机构已拒绝为本基金出资：不能以其名义承诺出资。")
                : Message(
                    "This organisation has not yet confirmed that it contributes to the fund: nothing is committed on its behalf until it does.",
                    "该机构尚未确认为本基金出资：确认之前，不能以其名义承诺出资。")
        case .invitationAnswered(let status):
            status == .declined
                ? Message("The invitation to contribute was already declined.", "该出资邀请已被拒绝。")
                : Message("The invitation to contribute was already confirmed.", "该出资邀请已被确认。")
        case .pledgeExceeded(let remaining, let asked):
            Message(
                "The commitment of \(asked) exceeds the contributor's remaining pledge of \(remaining) "
                    + "(at the ECB rate of the commitment's day).",
                "出资承诺 \(asked) 超过该出资方剩余认缴额 \(remaining)（按承诺当日欧洲央行汇率计算）。")
        case .commitmentExceeded(let remaining, let asked):
            Message(
                "The disbursement of \(asked) exceeds what remains of the commitment, \(remaining).",
                "拨款 \(asked) 超过该出资承诺的剩余额度 \(remaining)。")
        case .stageNotAllowed(let from, let to):
            Message(
                "A project cannot move from \(from.label.english.lowercased()) to \(to.label.english.lowercased()): "
                    + "stages follow sourcing → screening → due diligence → approved → committed → disbursing → "
                    + "completed, and a project is rejected only before money is committed.",
                "项目不能从“\(from.label.chinese)”变为“\(to.label.chinese)”：阶段须依次为项目征集 → 初步筛选 → 尽职调查 → "
                    + "已批准 → 已承诺出资 → 拨款中 → 已完成，且只能在承诺出资前否决。")
        case .stageNeedsCommitment:
            Message("A project is committed once a contributor commits money to it.", "项目须有出资方承诺出资后才进入“已承诺出资”阶段。")
        case .stageNeedsDisbursement:
            Message("A project is disbursing once money is paid out to it.", "项目须有拨款后才进入“拨款中”阶段。")
        case .notTakingCommitments(let stage):
            Message(
                "Commitments are taken from approval until disbursing; this project is "
                    + "\(stage.label.english.lowercased()).",
                "只有已批准至拨款中的项目才能接受出资承诺；该项目当前为“\(stage.label.chinese)”。")
        case .notTakingDisbursements(let stage):
            Message(
                "Money is paid out only to committed or disbursing projects; this project is "
                    + "\(stage.label.english.lowercased()).",
                "只有已承诺出资或拨款中的项目才能拨款；该项目当前为“\(stage.label.chinese)”。")
        case .wrongCurrency(let expected, let got):
            Message(
                "amount: must be in the commitment's currency, \(expected), not \(got).",
                "amount：必须使用出资承诺的币种 \(expected)，而不是 \(got)。")
        case .beforeCommitment(let day):
            Message("day: must not be before the commitment's day, \(day).", "day：不得早于出资承诺日期 \(day)。")
        case .nothingDisbursed:
            Message("Nothing has been disbursed under this commitment, so nothing can be repaid.", "该出资承诺尚无拨款，无从还款。")
        case .reportCurrency(let currency):
            Message(
                "currency: reports are in EUR or CNY, not \(currency).", "currency：报表仅提供 EUR 或 CNY，不支持 \(currency)。")
        case .busy:
            Message("The fund is being changed by others; try again.", "基金正被他人修改，请重试。")
        }
    }
}
