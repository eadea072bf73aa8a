#pragma once
// Where training data comes from: the Debian fortune corpora found on this machine, the generated
// classic tasks, one numeric column of a CSV file — and a loader that reads, generates or parses a corpus and
// computes its baselines off the GUI thread.
// CorpusLoader: public methods GUI thread only; its signals are emitted on the GUI thread.
#include "data/corpus.h"
#include "data/series_csv.h"
#include "train/baselines.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace lstm {

struct CorpusChoice {
  QString label; // e.g. "Tang poems (tang300)"
  QString path;  // absolute path of an existing file
};

// The known Debian fortune corpora (fortunes-zh, fortunes-min, …) that exist on disk, in a fixed order.
QList<CorpusChoice> availableCorpora();

// Default sizes of a generated corpus.
inline constexpr qint64 kDefaultGeneratedCharacters = 200000;
inline constexpr qint64 kDefaultGeneratedValues = 20000;
inline constexpr qint64 kGeneratedLengthMin = 16;
inline constexpr qint64 kGeneratedLengthMax = qint64(1) << 24;

// The translated title of generator `id` ("aⁿbⁿ counting"); the id itself when unknown.
QString generatorTitle(const QString &id);
// True for generators of numeric series (the trainer then builds a forecaster).
bool isSeriesGeneratorId(const QString &id);

// Everything needed to build a corpus again: a text file, a generated task, or a CSV column. The recovery note
// stores it as text so a crashed run on generated or CSV data can be rebuilt and resumed.
struct CorpusSource {
  enum class Kind { File, Generated, CsvColumn };
  Kind kind = Kind::File;
  QString path;      // File, CsvColumn
  QString column;    // CsvColumn: the column's name (empty while it is being chosen)
  QString generator; // Generated: the generator's id
  qint64 length = 0; // Generated: characters (text tasks) or values (series)
  quint64 seed = 1;  // Generated

  static CorpusSource textFile(const QString &path);
  static CorpusSource generated(const QString &id, qint64 length, quint64 seed);
  static CorpusSource csvColumn(const QString &path, const QString &column);

  // A file's path as it is; a compact JSON object ({"generator", "length", "seed"} or {"csv", "column"}) otherwise.
  QString toString() const;
  // Reads toString()'s text; anything else is a file path.
  static CorpusSource fromString(const QString &text);
  // For people: the file name, "aⁿbⁿ counting (seed 1, 200000 characters)" or "data.csv, column temp".
  QString describe() const;
  bool operator==(const CorpusSource &other) const = default;
};

class CorpusLoader : public QObject {
  Q_OBJECT
public:
  explicit CorpusLoader(QObject *parent = nullptr);
  ~CorpusLoader() override; // cancels a running job and waits for its worker

  // Each request below runs on a worker thread and cancels the one still running first (its result never arrives).
  // Loads the text file `path`: loaded() or failed().
  void load(const QString &path, const CorpusOptions &options = {});
  // Generates `length` characters or values of generator `id` (text task or series) from `seed`: loaded() or failed().
  void generate(const QString &id, qint64 length, quint64 seed, const CorpusOptions &options = {});
  // Reads a CSV file to list its columns: csvRead() or failed() with loadCsv's sentence.
  void readCsv(const QString &path, const CsvOptions &csv = {});
  // Builds the series corpus of one CSV column: loaded() or failed() with loadSeriesCorpus's sentence.
  void loadSeries(const QString &path, const QString &column, const CsvOptions &csv = {},
                  const CorpusOptions &options = {});
  // Abandons the running job: no signal follows for it. No-op when idle.
  void cancel();
  bool isLoading() const { return m_worker != nullptr; }

Q_SIGNALS:
  // Bytes read so far of the file's size, after each read chunk.
  void progress(qint64 done, qint64 total);
  // The corpus and its baselines on (up to 2^20 characters or values of) the validation tail: unigram/bigram
  // nats per character for text, the MSE of the mean and of the last value (scaled) for a series.
  void loaded(std::shared_ptr<const lstm::Corpus> corpus, const lstm::Baselines &baselines);
  // The table of a CSV file: its column names, which columns hold text and why.
  void csvRead(std::shared_ptr<const lstm::CsvTable> table);
  // One sentence "<path or name>: <problem>" from the core (unreadable, invalid UTF-8, not a number, …).
  void failed(const QString &message);

private:
  // Work done on the worker; returns what to do on the GUI thread with its result (nothing when cancelled).
  // Cancellation reaches the job through `progress`, which returns false once the job is abandoned.
  using Job = std::function<std::function<void()>(const CorpusProgress &progress)>;
  void startJob(Job job);
  // Worker side: computes the baselines and returns the GUI-thread step that emits loaded() or failed().
  std::function<void()> corpusResult(std::optional<Corpus> corpus, const QString &error);
  void stopWorker(); // cancels and joins the current worker, if any
  void finishWorker();

  QThread *m_worker = nullptr;
  std::shared_ptr<std::atomic<bool>> m_cancel; // one flag per job, shared with its worker
  quint64 m_generation = 0;                    // results of older jobs carry a smaller number and are dropped
};

} // namespace lstm
