import Foundation
import SilkbridgeCore
import Testing

@Suite struct HexadecimalTests {
    @Test func bytesAreTwoLowercaseDigitsEach() {
        #expect([UInt8]().hexadecimal == "")
        #expect([0x00, 0x0f, 0x10, 0xab, 0xff].hexadecimal == "000f10abff")
        #expect(Data("silk".utf8).hexadecimal == "73696c6b")
    }
}
