#pragma once
// The tape: what the explorer reads or writes, one entry per step. Step s reads entry s. A token model's tape
// holds characters of its vocabulary (TextTape); a series model's holds numbers in original units (SeriesTape),
// scaled on the way into the model. Both write the same way: in write mode the entry at the stepper's position
// is chosen from the last step's output, everything after it is dropped, and the entry is read.
//
// Also the one place where text becomes token ids (encodeText) and tokens become one-line labels (symbolLabel):
// the explorer, its views and the command line all go through these.
//
// Not thread-safe; one tape belongs to one stepper's thread.
#include "data/series_scaling.h"
#include "data/vocabulary.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace lstm {

class Sampler;
class Stepper;
class Trace;

// ---- symbols and tokens

QString symbolText(char32_t symbol);  // the symbol itself ("\n" stays "\n")
QString symbolLabel(char32_t symbol); // one line: "↵" for newline, "⇥" for tab, "␣" for space, else the symbol
// The same for a token id of `vocabulary`; "" for an id outside it (−1 stands for dense input).
QString tokenText(const Vocabulary &vocabulary, std::int32_t token);
QString tokenLabel(const Vocabulary &vocabulary, std::int32_t token);

// The first character of a text that a vocabulary lacks; `index` counts code points from 0.
struct UnknownSymbol {
  char32_t symbol = 0;
  std::size_t index = 0;
};

struct TextEncoding {
  std::vector<std::int32_t> tokens;     // the ids of every character, in order; incomplete when `unknown` is set
  std::optional<UnknownSymbol> unknown; // set when a character is not in the vocabulary
};

// Every character (code point) of `text` as its id in `vocabulary`, or the first character it lacks.
TextEncoding encodeText(const Vocabulary &vocabulary, const QString &text);

// ---- tapes

enum class TapeKind { Text, Series };

class Tape {
public:
  virtual ~Tape() = default;
  virtual TapeKind kind() const = 0;
  virtual int length() const = 0;
  // Token of entry `index`; −1 on a series tape. Precondition: 0 ≤ index < length().
  virtual std::int32_t token(int index) const = 0;
  // Entry `index` as text: the character itself, or the value with 17 significant digits (it reads back
  // exactly); "" outside the tape.
  virtual QString entryText(int index) const = 0;
  // Feeds entry `index` to `stepper` as its next step. Precondition: 0 ≤ index < length(), a stepper whose model
  // reads this kind of tape.
  virtual void read(Stepper &stepper, int index) const = 0;
  // Write mode: chooses the entry at stepper.position() from its last output, writes it there (dropping every
  // entry after it) and reads it. A text tape samples with `sampler` and writes nothing without one (the user
  // picks); a series tape feeds the prediction back. False when nothing was written.
  virtual bool write(Stepper &stepper, Sampler *sampler) = 0;
  // True when the model wrote entry `index` (write mode, sampled or picked, or a series fed its own prediction);
  // false for an entry the user gave (text, series, appended) and outside the tape.
  bool written(int index) const {
    return index >= 0 && std::size_t(index) < m_written.size() && m_written[std::size_t(index)] != 0;
  }

protected:
  // Origins follow the entries: every entry from `index` on is dropped, then one written entry is added.
  void markWrittenAt(int index) {
    m_written.resize(std::size_t(index));
    m_written.push_back(1);
  }
  void setGiven(std::size_t length) { m_written.assign(length, 0); } // every entry given, none written
  void appendGiven(std::size_t count) { m_written.resize(m_written.size() + count, 0); }

private:
  std::vector<std::uint8_t> m_written; // (N) 1 where the model wrote the entry
};

class TextTape final : public Tape {
public:
  explicit TextTape(Vocabulary vocabulary = {}) : m_vocabulary(std::move(vocabulary)) {}
  const Vocabulary &vocabulary() const { return m_vocabulary; }
  TapeKind kind() const override { return TapeKind::Text; }
  int length() const override { return int(m_tokens.size()); }
  std::int32_t token(int index) const override { return m_tokens[std::size_t(index)]; }
  QString entryText(int index) const override;
  void read(Stepper &stepper, int index) const override;
  bool write(Stepper &stepper, Sampler *sampler) override;

  QString text() const; // the whole tape
  // Precondition for these: every id is in the vocabulary.
  void assign(std::vector<std::int32_t> tokens) {
    m_tokens = std::move(tokens);
    setGiven(m_tokens.size());
  }
  void append(std::span<const std::int32_t> tokens) {
    m_tokens.insert(m_tokens.end(), tokens.begin(), tokens.end());
    appendGiven(tokens.size());
  }
  // Writes `token` at `index`, dropping every entry after it, and reads it. Precondition: index ==
  // stepper.position() ≤ length().
  void writeAt(Stepper &stepper, int index, std::int32_t token);

private:
  Vocabulary m_vocabulary;
  std::vector<std::int32_t> m_tokens; // (N)
};

class SeriesTape final : public Tape {
public:
  explicit SeriesTape(SeriesScaling scaling) : m_scaling(scaling) {}
  const SeriesScaling &scaling() const { return m_scaling; }
  void setScaling(SeriesScaling scaling) { m_scaling = scaling; }
  TapeKind kind() const override { return TapeKind::Series; }
  int length() const override { return int(m_values.size()); }
  std::int32_t token(int) const override { return -1; }
  QString entryText(int index) const override;
  void read(Stepper &stepper, int index) const override;
  bool write(Stepper &stepper, Sampler *sampler) override;

  double value(int index) const { return m_values[std::size_t(index)]; } // precondition: 0 ≤ index < length()
  // Replaces the values (original units). Refused — nothing changes — when one is not finite: its index.
  std::optional<std::size_t> assign(std::vector<double> values);
  // The model's prediction of the value after `step` of `trace`, in original units; NaN outside the trace.
  double prediction(const Trace &trace, int step) const;

private:
  SeriesScaling m_scaling;
  std::vector<double> m_values; // (N) original units
};

} // namespace lstm
