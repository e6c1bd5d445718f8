import Reader
import ThreadModel

extension Bench {
    /// Sorting (issue 23): the key `s` alone (it only asks), the job that sorts beside the reader
    /// (`SortRequest.run`: the orders the data has, then the sort), and taking its answer (the new tree,
    /// folds, the visit and the selection carried) with the next frame.
    func addSortRows(to report: inout BenchReport, discussion: Discussion) {
        let clock = ContinuousClock()
        let jobRuns = max(1, min(`repeat`, 3))
        for (keys, order) in [("s", CommentOrder.top), ("s s", .new)] {
            var keySamples: [Duration] = []
            var request: SortRequest?
            var state = ReaderState(discussion: discussion, rows: rows, columns: columns)
            for _ in 0..<`repeat` {
                state = ReaderState(discussion: discussion, rows: rows, columns: columns)
                let layout = LayoutCache()
                state.update(.action(.firstComment), layout: layout)
                if order == .new { state.update(.action(.cycleSort), layout: layout) }
                blackHole(state.render(layout: layout))
                let begin = clock.now
                let commands = state.update(.action(.cycleSort), layout: layout)
                blackHole(state.render(layout: layout))
                keySamples.append(clock.now - begin)
                for command in commands {
                    if case .sortComments(let asked) = command { request = asked }
                }
            }
            report.add(
                "sort key (\(order.name))", keys: keys, from: "c", samples: keySamples,
                note: "only asks for the sort: the job below does it")
            guard let request else {
                report.add("sort job (\(order.name))", keys: "", from: "", samples: [], note: "no sort was asked for")
                continue
            }
            var jobSamples: [Duration] = []
            var answer: Message?
            for _ in 0..<jobRuns {
                let begin = clock.now
                answer = request.run()
                jobSamples.append(clock.now - begin)
            }
            report.add(
                "sort job (\(order.name))", keys: "", from: "", samples: jobSamples,
                note: "beside the reader: the orders the data has, then the sort")
            guard let answer else { continue }
            var takeSamples: [Duration] = []
            for _ in 0..<jobRuns {
                var taking = state
                let layout = LayoutCache()
                blackHole(taking.render(layout: layout))
                let begin = clock.now
                taking.update(answer, layout: layout)
                blackHole(taking.render(layout: layout))
                takeSamples.append(clock.now - begin)
                blackHole(taking.ordering.shown)
            }
            report.add(
                "take the sorted thread (\(order.name))", keys: "", from: "c, \(keys)", samples: takeSamples,
                note: "new tree, folds, visit, selection carried; the next frame")
        }
    }

    /// `--sort-only`: the load's row and the sorting rows, as a table.
    func printSortReport(_ loaded: BenchReport, discussion: Discussion) {
        var report = loaded
        addSortRows(to: &report, discussion: discussion)
        print(
            """
            file: \(file ?? "(bundled sample)")  \(discussion.count) comments  terminal \(columns)x\(rows)  \
            runs per key: \(`repeat`), of the job: \(max(1, min(`repeat`, 3)))

            | what | keys | from | runs | median ms | max ms | note |
            |---|---|---|---:|---:|---:|---|
            """)
        for row in report.rows { print(row) }
    }
}
