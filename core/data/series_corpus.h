#pragma once
// Series corpora: one numeric series, split into a training head and a validation tail like a text,
// z-scored with a SeriesScaling fitted on the training part only (so validation never leaks into the scaling).
// The trainer then teaches a Dense(1) → Regression(1) model to predict x_{t+1} from x_0 … x_t.
// All functions are reentrant; a problem names the file or corpus name in its `file`.
#include "corpus.h"
#include "series_csv.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace lstm {

inline constexpr std::int64_t kMinSeriesLength = 16;             // fewer values cannot be split and trained on
inline constexpr std::int64_t kMaxSeriesLength = std::int64_t(1) << 28;

// `values` in original units. `name` names the corpus (file name or generator), `column` the series. Refuses
// fewer than kMinSeriesLength values, non-finite values (with their 1-based index) and a bad validation fraction.
// sha256 covers the values as little-endian doubles and the column name, so a checkpoint knows its series.
std::optional<Corpus> corpusFromSeries(std::span<const double> values, const QString &name, const QString &column,
                                       const CorpusOptions &options, Problem *problem);
// One column (by name or 1-based number) of a CSV file; path and fileBytes are set as for a text corpus.
std::optional<Corpus> loadSeriesCorpus(const QString &path, const QString &column, const CsvOptions &csv,
                                       const CorpusOptions &options, Problem *problem,
                                       const CorpusProgress &progress = {});
// `length` values of numeric generator `id` ("sines", "seasonal", "mackey-glass") with default options.
std::optional<Corpus> generatedSeriesCorpus(std::string_view id, std::int64_t length, std::uint64_t seed,
                                            const CorpusOptions &options, Problem *problem);
// What a model trained on `corpus` records about its series: scaling, column, source, validation start and
// where the values come from. Precondition: corpus.isSeries().
SeriesRecord seriesRecordOf(const Corpus &corpus);
// The series a model was trained on, in original units: regenerated (a generator) or read again from its CSV file
// (path and column). Reads files: not for the GUI thread when they may be large. nullopt with the problem (its
// file set for files).
std::optional<std::vector<double>> seriesValuesOf(const SeriesRecord &series, Problem *problem);
// The ids generatedSeriesCorpus accepts.
bool isSeriesGenerator(std::string_view id);

} // namespace lstm
