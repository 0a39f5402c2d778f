extension String {
    /// Builds a string from scalars through one UTF-8 buffer, several times faster than appending them to a
    /// `String.UnicodeScalarView` one by one.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        let byteCount = scalars.reduce(0) { $0 + UTF8.width($1) }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }
}
