import Foundation

/// The data files shipped in the target's `Resources` folder.
enum BundledResource: String {
    case jiebaDictionary = "jieba_dict"
    case domainWords = "domain_words"
    case traditionalToSimplified = "t2s"

    var url: URL {
        get throws {
            guard
                let url = Bundle.module.url(forResource: rawValue, withExtension: "txt", subdirectory: "Resources")
            else {
                throw MultilingualTextError.missingResource("\(rawValue).txt")
            }
            return url
        }
    }
}
