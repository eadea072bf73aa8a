#pragma once
// A text corpus as token ids over a vocabulary of Unicode code points, ready for training — or a numeric series
// (one column of a CSV file or a generated signal, core/data/series_corpus.h) as z-scored values.
// Loading normalises the text (BOM dropped, CRLF → LF; fortune files: '%' separator lines become blank lines,
// ANSI escapes such as ESC[32m and nroff overstrikes "x\b" removed), refuses what cannot be trained on, and
// streams the file so a large corpus costs only its token ids (4 bytes a character) plus one read chunk.
#include "common/problem.h"
#include "series_scaling.h"
#include "vocabulary.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lstm {

enum class CorpusFormat { Auto, Text, Fortune };
const char *toString(CorpusFormat format); // "auto", "text", "fortune"
bool parseCorpusFormat(const std::string &text, CorpusFormat &out);

struct CorpusOptions {
  CorpusFormat format = CorpusFormat::Auto; // Auto: Fortune when at least two lines are exactly "%"
  double validationFraction = 0.1;          // contiguous tail held out; 0 = none; must be in [0, 0.9]
  std::int64_t chunkBytes = 4 << 20;        // read size; tests make it tiny to cross chunk boundaries
};

struct Corpus {
  QString name;                      // file name without directory (or the name given for in-memory text)
  QString path;                      // as given; empty for in-memory text
  CorpusFormat format = CorpusFormat::Text; // Text or Fortune: what was applied
  QByteArray sha256;                 // lowercase hex SHA-256 of the file's bytes (of the UTF-8 text in memory)
  std::int64_t fileBytes = 0;
  Vocabulary vocabulary;             // every distinct code point, ascending
  std::vector<std::int32_t> tokens;  // the whole normalised text as ids
  std::int64_t trainSize = 0;        // tokens (or values) [0, trainSize) are for training, the rest for validation
  // Series corpora only: the values scaled with `scaling` (fitted on the training part); tokens and vocabulary
  // are then empty. A model trained on one reads x_t and predicts x_{t+1}.
  std::vector<float> series;
  SeriesScaling scaling;
  QString column;                    // name of the series (CSV column or generator)
  struct Generated {                 // how a generated corpus was made, so a model can name its data
    std::string id;
    std::uint64_t seed = 0;
    std::int64_t length = 0;
  };
  std::optional<Generated> generated;

  bool isSeries() const { return !series.empty(); }
  std::int64_t size() const { return std::int64_t(isSeries() ? series.size() : tokens.size()); }
  std::span<const std::int32_t> train() const { return {tokens.data(), std::size_t(trainSize)}; }
  std::span<const std::int32_t> validation() const {
    return {tokens.data() + trainSize, tokens.size() - std::size_t(trainSize)};
  }
  std::span<const float> trainValues() const { return {series.data(), std::size_t(trainSize)}; }
  std::span<const float> validationValues() const {
    return {series.data() + trainSize, series.size() - std::size_t(trainSize)};
  }
  std::u32string text(std::int64_t begin, std::int64_t count) const; // ids → characters, clamped to the corpus
};

// Called after each chunk with (bytes read, file size); return false to cancel loading.
using CorpusProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

// Loads and normalises a UTF-8 file. On failure returns nullopt and sets `problem` (file = path): unreadable
// file, invalid UTF-8 (value = the byte offset in the file), empty text, a single distinct character, a bad
// validationFraction, or LoadingCancelled.
std::optional<Corpus> loadCorpus(const QString &path, const CorpusOptions &options, Problem *problem,
                                 const CorpusProgress &progress = {});
// The same normalisation and checks for text already in memory (generated corpora); the problem's file is `name`.
std::optional<Corpus> corpusFromText(std::u32string_view text, const QString &name, const CorpusOptions &options,
                                     Problem *problem);

} // namespace lstm
