import ClaimlintCore
import ClaimlintEngine
import ClaimlintReport
import Foundation
import Testing

@Test func shardParsingAndFixedHash() throws {
    #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
    for bad in ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", ""] {
        #expect(throws: ShardError.self) { try Shard(parsing: bad) }
    }
    // FNV-1a 64 reference values (the published test vectors for "" and "a").
    #expect(FNV1a.hash64("") == 0xcbf2_9ce4_8422_2325)
    #expect(FNV1a.hash64("a") == 0xaf63_dc4c_8601_ec8c)
    // "./x" and "x" are one file.
    #expect(Shard.shard(of: "./content/a.html", count: 7) == Shard.shard(of: "content/a.html", count: 7))
}

@Test func shardsPartitionTheFilesAndSpreadThem() throws {
    let paths = (0..<400).map { "content/section-\($0 % 9)/article-\($0).html" }
    var seen = [Int](repeating: 0, count: 4)
    for p in paths {
        let owners = (1...4).filter { try! Shard(index: $0, count: 4).contains(p) }
        #expect(owners.count == 1)
        seen[owners[0] - 1] += 1
    }
    // Roughly even: every shard gets between 15% and 35% of 400 files.
    #expect(seen.allSatisfy { $0 > 60 && $0 < 140 }, "\(seen)")
}

@Test func mergedShardsEqualTheUnshardedReport() throws {
    var files: [String: String] = [:]
    let bodies = ["This balm cures eczema for good.\n", "Wash with lukewarm water.\n", "Read more: our winter guide\n\nThis tea melts belly fat.\n"]
    for i in 0..<12 { files["site/\(i % 3 == 0 ? "news" : "guides")/page-\(i).txt"] = bodies[i % 3] }
    files["site/a.txt"] = bodies[0]
    let dir = try SurfaceProject.make(files: files)
    defer { try? FileManager.default.removeItem(at: dir) }

    for format in ["json", "sarif"] {
        let whole = try CLI.run(["lint", "site", "--format", format], cwd: dir)
        #expect(whole.status == 0, "\(whole.stderr)")
        var shardFiles: [String] = []
        var counts: [Int] = []
        for k in 1...2 {
            let name = "shard-\(k).\(format)"
            let r = try CLI.run(["lint", "site", "--format", format, "--shard", "\(k)/2", "--output", name], cwd: dir)
            #expect(r.status == 0, "\(r.stderr)")
            shardFiles.append(name)
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            if format == "json" { counts.append((try SurfaceProject.json(text)["files"] as? [Any])?.count ?? 0) }
        }
        if format == "json" {
            #expect(counts.reduce(0, +) == 13)
            #expect(counts.filter { $0 > 0 }.count >= 2, "one shard took every file: \(counts)")
        }
        let merged = try CLI.run(["merge"] + shardFiles, cwd: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        if format == "json" {
            #expect(merged.stdout == whole.stdout)
        } else {
            let a = try JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as? NSDictionary
            let b = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? NSDictionary
            #expect(a != nil && a == b)
        }
    }
    // Mixed formats are refused with a clear message.
    let mixed = try CLI.run(["merge", "shard-1.json", "shard-1.sarif"], cwd: dir)
    #expect(mixed.status == 2 && mixed.stderr.contains("shard-1.sarif"))
    #expect(try CLI.run(["lint", "site", "--shard", "4/3"], cwd: dir).status != 0)
}

@Test func writingABaselineFromOneShardIsRefused() throws {
    let dir = try SurfaceProject.make(files: ["a.txt": "This balm cures eczema.\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["lint", "a.txt", "--shard", "1/2", "--write-baseline", "b.json"], cwd: dir)
    #expect(r.status != 0 && r.stderr.contains("--write-baseline"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.json").path))
}
