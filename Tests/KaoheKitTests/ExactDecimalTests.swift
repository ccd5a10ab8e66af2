import Testing
import KaoheKit
@testable import KaoheModel
@testable import KaoheInput
@testable import KaoheLoad
@testable import KaoheScoring
@testable import KaoheSimulation
@testable import KaoheRendering

@Suite struct ExactDecimalTests {
    func d(_ s: String) -> ExactDecimal { ExactDecimal(s)! }

    @Test func parsesPlainDecimals() {
        #expect(d("12.50").description == "12.5")
        #expect(d("-0.125").description == "-0.125")
        #expect(d(".5") == d("0.5"))
        #expect(d("3.") == d("3"))
        #expect(d("+7").description == "7")
        for bad in ["", "-", ".", "1e3", "1,000", "1.2.3", "nan", "inf", "0x10", " 1"] {
            #expect(ExactDecimal(bad) == nil, "\(bad)")
        }
    }

    @Test func arithmeticIsExact() {
        #expect(d("0.1") + d("0.2") == d("0.3"))
        #expect(d("0.5") * d("95.25") == d("47.625"))
        #expect(d("100") - d("0.01") == d("99.99"))
        #expect(d("0.3") * d("3") == d("0.9"))
    }

    @Test func roundsHalfUp() {
        #expect(d("89.995").rounded(2) == d("90.00"))
        #expect(d("89.994999").rounded(2) == d("89.99"))
        #expect(d("2.5").rounded(0) == d("3"))
        #expect(d("0.00005").rounded(4) == d("0.0001"))
        #expect(d("-2.5").rounded(0) == d("-3"))
        #expect(d("1.2").rounded(3).formatted(places: 3) == "1.200")
    }

    @Test func quotientRoundsHalfUp() {
        // 2/3 → 0.6667; 1/8 → 0.125 → 0.13 at 2 places.
        #expect(ExactDecimal.quotient(d("2"), d("3"), places: 4) == d("0.6667"))
        #expect(ExactDecimal.quotient(d("1"), d("8"), places: 2) == d("0.13"))
        #expect(ExactDecimal.quotient(d("389.5"), d("4"), places: 2) == d("97.38"))
        #expect(ExactDecimal.quotient(d("0.9"), d("0.3"), places: 2) == d("3"))
    }

    @Test func formatsWithFixedPlaces() {
        #expect(d("95").formatted(places: 2) == "95.00")
        #expect(d("0.5").formatted(places: 2) == "0.50")
        #expect(d("92.835").formatted(places: 2) == "92.84")
        #expect(d("0.05").description == "0.05")
    }

    @Test func floorOfProducts() {
        #expect((d("0.3") * d("35")).floor == 10)
        #expect((d("0.04") * d("25")).floor == 1)
        #expect(d("-0.5").floor == -1)
    }
}
