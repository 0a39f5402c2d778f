import Foundation

/// Turns the two directions of a match into sentences naming the real reasons, in both languages.
struct MatchExplanation {
    let catalog: ReferenceCatalog

    func reasons(
        forYou: DirectionalFit?, forThem: DirectionalFit?, acceptance: (rate: Double, answered: Int, accepted: Int)
    ) -> [Message] {
        var reasons: [Message] = []
        if let forYou { reasons.append(sentence(forYou, you: true)) }
        if let forThem { reasons.append(sentence(forThem, you: false)) }
        if forThem == nil {
            reasons.append(
                Message(
                    "Nothing you publish answers what they seek yet.", "您发布的内容尚未满足对方的需求。"))
        } else if forYou == nil {
            reasons.append(Message("Nothing they publish answers what you seek yet.", "对方发布的内容尚未满足您的需求。"))
        }
        if acceptance.answered > 0 {
            reasons.append(
                Message(
                    "They accepted \(acceptance.accepted) of the \(acceptance.answered) expressions of interest they answered.",
                    "对方在已答复的 \(acceptance.answered) 个合作意向中接受了 \(acceptance.accepted) 个。"))
        }
        return reasons
    }

    /// Why an organisation that has published nothing is shown this one: it publishes in one of its areas.
    func reasons(activeIn signal: MatchSignal, areas: Set<String>) -> [Message] {
        let shared = signal.areas.intersection(areas).sorted().compactMap(catalog.area)
        let english = shared.map { $0.label.best(for: .english) }.joined(separator: ", ")
        let chinese = shared.map { $0.label.best(for: .simplifiedChinese) }.joined(separator: "、")
        let title = signal.title
        return [
            signal.isRequest
                ? Message(
                    "They seek “\(title.best(for: .english))” in \(english), where you work.",
                    "对方在您所在的\(chinese)领域寻求“\(title.best(for: .simplifiedChinese))”。")
                : Message(
                    "They offer “\(title.best(for: .english))” in \(english), where you work.",
                    "对方在您所在的\(chinese)领域提供“\(title.best(for: .simplifiedChinese))”。"),
            Message(
                "Publish what you offer and what you seek to be matched both ways.",
                "发布您提供的和您寻求的合作机会，即可获得双向匹配。"),
        ]
    }

    private func sentence(_ fit: DirectionalFit, you: Bool) -> Message {
        let request = fit.request.title
        let offer = fit.offer.title
        let areas = fit.sharedAreas.sorted().compactMap(catalog.area)
        let areaEnglish = areas.map { $0.label.best(for: .english) }.joined(separator: ", ")
        let areaChinese = areas.map { $0.label.best(for: .simplifiedChinese) }.joined(separator: "、")
        let partnerships = fit.sharedPartnerships.sorted { $0.rawValue < $1.rawValue }
        let kindEnglish = partnerships.map { $0.label.english.lowercased() }.joined(separator: ", ")
        let kindChinese = partnerships.map(\.label.chinese).joined(separator: "、")
        var english =
            you
            ? "You seek “\(request.best(for: .english))”; they offer “\(offer.best(for: .english))”"
            : "They seek “\(request.best(for: .english))”; you offer “\(offer.best(for: .english))”"
        var chinese =
            you
            ? "您寻求“\(request.best(for: .simplifiedChinese))”，对方提供“\(offer.best(for: .simplifiedChinese))”"
            : "对方寻求“\(request.best(for: .simplifiedChinese))”，您提供“\(offer.best(for: .simplifiedChinese))”"
        if !areas.isEmpty {
            english += " in \(areaEnglish)"
            chinese += "，同属\(areaChinese)领域"
        }
        if !partnerships.isEmpty {
            english += ", both for \(kindEnglish)"
            chinese += "，合作方式均为\(kindChinese)"
        }
        if fit.maturity == 1 {
            english += fit.offer.stage != nil ? ", at the stage sought" : ", in the amount range sought"
            chinese += fit.offer.stage != nil ? "，且达到所需的发展阶段" : "，且金额范围相符"
        }
        if fit.targeted {
            english += you ? ", where you look for partners" : ", and they look for partners where you are"
            chinese += you ? "，且位于您寻找伙伴的地区" : "，且您位于对方寻找伙伴的地区"
        }
        return Message(english + ".", chinese + "。")
    }
}
