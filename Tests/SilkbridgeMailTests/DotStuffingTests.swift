import Foundation
import NIOCore
import Testing

@testable import SilkbridgeMail

@Suite struct DotStuffingTests {
    private func block(_ text: String) -> String {
        String(buffer: DotStuffing.dataBlock(for: Data(text.utf8), allocator: ByteBufferAllocator()))
    }

    @Test func doublesDotsThatStartALine() {
        #expect(
            block(".first\r\nmid.dle\r\n.\r\n..two\r\nlast\r\n")
                == "..first\r\nmid.dle\r\n..\r\n...two\r\nlast\r\n.\r\n")
    }

    @Test func endsTheDataOnALineOfItsOwn() {
        #expect(block("no line break at the end") == "no line break at the end\r\n.\r\n")
        #expect(block("ends with a dot\r\n.") == "ends with a dot\r\n..\r\n.\r\n")
    }
}
