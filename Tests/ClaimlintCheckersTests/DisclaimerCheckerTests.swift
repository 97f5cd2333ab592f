import ClaimlintCore
import ClaimlintRules
import Testing
@testable import ClaimlintCheckers

private typealias S = DisclaimerTestSupport

@Suite struct DisclaimerCheckerTests {
    let checker: DisclaimerChecker
    init() throws { checker = try S.disclaimerChecker() }

    func run(_ text: String, path: String = "article.txt", checker: DisclaimerChecker? = nil,
             disabled: Set<String> = DisclaimerTestSupport.optInRules) -> [Diagnostic] {
        (checker ?? self.checker).check(S.text(text), context: CheckContext(relativePath: path, disabledRules: disabled))
    }

    /// The rule pack's own text examples, run through the checker (the engine runs them too, through the front ends).
    @Test func rulePackTextExamples() throws {
        for id in DisclaimerChecker.ruleIDs {
            let rule = try S.rules.require(id)
            #expect(rule.triggering.count >= 3 && rule.nonTriggering.count >= 3, "\(id) needs 3 + 3 examples")
            // An opt-in rule's examples run with it on, as a user would.
            let disabled = S.optInRules.subtracting([id])
            for e in rule.triggering where e.format == .text {
                #expect(run(e.text, disabled: disabled).contains { $0.rule == id }, "\(id) should trigger on: \(e.text)")
            }
            for e in rule.nonTriggering where e.format == .text {
                #expect(!run(e.text, disabled: disabled).contains { $0.rule == id }, "\(id) should not trigger on: \(e.text)")
            }
        }
    }

    /// A ~100 kB pack once crashed test setup; the disclaimer vocabulary is split to stay small.
    @Test func disclaimerAndBalancePacksStayUnder30kB() {
        let packs = BuiltinRuleFiles.all.filter { $0.path.hasPrefix("disclaimer") || $0.path.hasPrefix("balance") }
        #expect(packs.count >= 3)
        for pack in packs { #expect(pack.contents.utf8.count < 30_000, "\(pack.path): \(pack.contents.utf8.count) bytes") }
    }

    /// Stopping smoking with nicotine replacement, medicines or an e-cigarette is health advice.
    @Test(arguments: [
        "Nicotine patches take the edge off cravings. Nicotine gum works faster when an urge strikes.",
        "An e-cigarette helps many smokers stop smoking. Use a nicotine strength of 12 mg/ml if you smoke ten a day.",
        "Varenicline damps down nicotine withdrawal. Keep nicotine lozenges to hand for sudden urges.",
    ])
    func stopSmokingAdviceNeedsADisclaimer(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    /// Smoke, smokers and cigarettes outside stop-smoking advice are not health triggers.
    @Test(arguments: [
        "Smoking a brisket\n\nRun the smoker at 110 degrees and spritz the meat every hour. Wrapping it in paper helps it through the stall.",
        "Why won't my stove stop smoking?\n\nOpen the vents fully to help the fire draw. Burn only dry logs.",
        "Firefighters said a dropped cigarette started the blaze. Nobody was hurt, and the flats were cleared within an hour.",
    ])
    func smokeWithoutStopSmokingAdviceIsNotAHealthPage(_ text: String) {
        #expect(!checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    /// Energy-device facials, cosmetic tattooing, and musculoskeletal conditions with the
    /// treatments physiotherapy clinics sell are health advice (round 6).
    @Test(arguments: [
        "Three intense pulsed light sessions faded the sun damage across my forehead. A laser facial a month later evened out what was left.",
        "Microblading fills sparse brows with fine hair strokes. Keep the area dry for a week and book a top-up for the eyebrows after six weeks.",
        "Sciatica usually settles within six weeks. Our physios treat sciatica with dry needling and spinal manipulation.",
        "A trapped nerve between the shoulder blades can ease with heat. Gentle stretches twice a day help the pain settle.",
    ])
    func procedureFamiliesNeedADisclaimer(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    /// "Pain", "skin" and "ear" have figurative senses: one sentence with one of them as its only
    /// body word does not make a page about a body; a page that comes back to the word does.
    @Test(arguments: [
        "Is the cure worse than the disease?\n\nThe tax break will ease the pain for small firms. Economists diagnose the symptoms of a slowdown.",
        "Board notes\n\nThe new bonus scheme treats the skin of the deal as the fund's own. The symptoms of a weak market are a disease the board will cure.",
        "The IPL final\n\nThe franchise's cure for its batting symptoms is a new coach, and two sessions of nets a day will treat the disease.",
    ])
    func figurativeBodyWordsOnceDoNotOpenTheGate(_ text: String) {
        #expect(!checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    @Test(arguments: [
        "A hot water bottle eases the pain for most people. Gentle walking also helps the pain, and it settles within a day.",
        "Warm olive oil drops soften the wax and ease the ache in the ear. Lie on your side for five minutes so the drops treat the whole ear, then repeat with the other ear.",
    ])
    func figurativeBodyWordsTwiceOpenTheGate(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    // Round 7 trigger classes: sleep conditions and outcomes are health terms about a body;
    // body-contouring devices are procedures; "cavitation" and "lipo" are procedures only beside
    // a body part.
    @Test(arguments: [
        "I taped my mouth every night to stop snoring. Nasal breathing eases snoring and can improve sleep quality.",
        "Glycine is one of the gentlest sleep supplements. Take it before bed and you may fall asleep faster.",
        "Electromagnetic muscle sculpting works on the abdomen. A course of four body sculpting sessions costs 695 pounds.",
        "Ultrasound cavitation on the tummy and love handles is painless. Most clients book six cavitation sessions on the thighs.",
        "I drink 30 ml of sour cherry concentrate before bed. It contains a little melatonin.",
        "A night guard helps if you grind your teeth in your sleep. A warm flannel on the jaw muscles before sleep can ease the ache.",
    ])
    func round7TriggerClassesNeedADisclaimer(_ text: String) {
        #expect(S.rulesFired(run(text)).contains("disclaimer.missing"), "\(text)")
    }

    @Test(arguments: [
        "Ultrasonic cavitation cleans carburettor jets in two sessions. The bath can reduce build-up on the injectors.",
        "Our lipo battery packs stop the drone from sagging mid-flight. Charge them before bed and they last all week.",
        "The lullaby album helps toddlers fall asleep. Each track is calm, and the last one stops after ten minutes.",
        "Feed the sourdough starter 50 ml of water every morning. The symptoms of a hungry starter are a sour smell and grey liquid on top.",
    ])
    func round7LookAlikesAreNotHealthPages(_ text: String) {
        #expect(run(text).isEmpty, "\(text)")
    }

    // Round 8: the claims checker's conditions (claims.conditions, multi-word entries) are health
    // terms on a page that names them at least twice, so a treatment, regimen or diagnosis
    // sentence beside one counts even when the disclaimer's own list lacks the condition.
    @Test(arguments: [
        "Compression stockings for varicose veins\n\nWear them from morning to bedtime to ease varicose veins. Class 2 stockings help a leg ulcer stay healed.",
        "Living with trigger finger\n\nA night splint can ease trigger finger. Trigger finger often settles within a few months.",
        "Our clinic treats a low sperm count caused by swollen veins. A repeat semen analysis three months later shows whether the treatment worked.",
    ])
    func sharedConditionsRepeatedNeedADisclaimer(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    /// One mention of a shared condition is not enough (a figure of speech, or a word in passing);
    /// the excluded entries ("the heart", "energy levels", "the risk") never count.
    @Test(arguments: [
        "Trigger finger on the shutter\n\nGentle rain helps the beds settle. A cold frame can reduce frost damage to seedlings.",
        "The heart of the town\n\nThe new bypass will ease congestion in the heart of the town. It should reduce the risk of queues and help energy levels in the high street.",
        "Battery clinic\n\nLow energy levels in the battery can cause a slow start. The heart of the fix is a charger that treats the cells.",
    ])
    func sharedConditionsOnceOrExcludedDoNotCount(_ text: String) {
        #expect(!checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    // Round 8 trigger families: light-based hair removal and talking therapies, sports and fibre
    // supplements, medicinal mushrooms, blister dressings, heart rhythm symptoms, low mood.
    @Test(arguments: [
        "Intense pulsed light sends the hair follicle into a resting phase. Repeat the intense pulsed light sessions on the underarms once a week.",
        "Behavioural activation schedules small tasks first. It helps low mood lift within a few weeks.",
        "Most lifters take BCAAs before training. Branched-chain amino acids are sold for faster recovery.",
        "I drink chaga tea every winter. Reishi and chaga are the medicinal mushrooms my grandmother swore by.",
        "A hydrocolloid plaster cushions a heel blister. Blister plasters stay on until they fall off by themselves.",
        "Splashing cold water on your face can slow a racing heart. Cutting caffeine helps ectopic beats settle.",
    ])
    func round8TriggerFamiliesNeedADisclaimer(_ text: String) {
        #expect(checker.verdict(S.text(text)).profile.needsDisclaimer, "\(text)")
    }

    /// A video game guide's poisons, antidotes and potion doses are game mechanics (three genre
    /// words: "max hp", "cooldown", "health bar").
    @Test(arguments: [
        "Poison drains 2% of max HP per second. Antidotes cure it, and a healing potion has a 12-second cooldown. Watch the health bar and treat frostbite with a warming tonic twice a fight.",
        "Slow cooker chai\n\nThe slow cooker keeps the spices warm. Slow the simmer so the milk does not catch.",
    ])
    func round8LookAlikesAreNotHealthPages(_ text: String) {
        #expect(run(text).isEmpty, "\(text)")
    }
}
