#pragma once
// Choosing what to train on: a combo of the known corpora, the generated classic tasks, "CSV column…" and
// "Other file…", the length and seed of a generated task, the number column of a CSV file, and a label saying
// what is loading, what loaded (size, vocabulary, baselines) or why it failed. Loading runs on a CorpusLoader
// worker; the chooser only keeps the result. GUI thread only.
#include "train/baselines.h"
#include "training/corpus_source.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace lstm {

class CorpusChooser : public QWidget {
  Q_OBJECT
public:
  explicit CorpusChooser(QWidget *parent = nullptr);

  // Loads `path` on a worker; corpusLoaded() or loadFailed() (and dialogs::error) follows.
  void loadCorpusFile(const QString &path);
  // Generates `length` characters or values of generator `id` (availableGenerators()) from `seed` on a worker and
  // shows the length and seed spin boxes; corpusLoaded() or loadFailed() follows.
  void loadGenerated(const QString &id, qint64 length, quint64 seed);
  // Reads the CSV file's columns on a worker and offers them in the column combo (text columns disabled), then
  // builds the series of `column` — when empty or not a number column, of the first number column.
  // corpusLoaded() or loadFailed() (loadCsv's or loadSeriesCorpus's sentence naming file, line and column) follows.
  void loadCsvFile(const QString &path, const QString &column = {});
  // Any of the above, e.g. to rebuild the corpus of a recovery note.
  void loadSource(const CorpusSource &source);

  // What the corpus on screen (or being loaded) is built from.
  const CorpusSource &source() const { return m_source; }
  // The loaded corpus; nullptr while none is loaded or another one is loading.
  std::shared_ptr<const Corpus> corpus() const { return m_corpus; }
  const Baselines &baselines() const { return m_baselines; }
  bool isLoading() const { return m_loader->isLoading(); }
  // Text to show a model from this corpus when the explorer's own text does not fit its vocabulary: the start
  // of the held-out validation text (from a line start). Empty for a series corpus or none.
  QString probeText() const;
  // While a run trains, the corpus must not change: disables the combos and spin boxes (the label stays readable).
  void setChoosable(bool choosable);

Q_SIGNALS:
  void loadingStarted();                // the previous corpus is gone; corpus() is nullptr until the next signal
  void corpusLoaded();                  // corpus() and baselines() are the new corpus's
  void loadFailed(const QString &message);

protected:
  void changeEvent(QEvent *event) override;

private:
  void buildControls(); // the corpus combo, the generator spins, the CSV column combo
  void retranslateUi();
  void onCorpusChosen(int index);
  // Clears what belongs to the previous corpus and shows `message` (what is loading) in its place.
  void beginLoading(const CorpusSource &source, const QString &message);
  // Makes the combo show the entry of kind `kind` for `key` (a path or generator id), inserting a file's entry.
  void selectComboEntry(int kind, const QString &key, const QString &label);
  void onCsvRead(const std::shared_ptr<const CsvTable> &table);
  void loadCsvColumn(const QString &column);
  void onCorpusLoaded(std::shared_ptr<const Corpus> corpus, const Baselines &baselines);
  void onCorpusFailed(const QString &message);
  QString corpusInfoText() const;

  CorpusLoader *m_loader = nullptr;
  std::shared_ptr<const Corpus> m_corpus;
  Baselines m_baselines;
  CorpusSource m_source;
  int m_lastCorpusIndex = 0; // the combo returns here when "Other file…" is cancelled

  QComboBox *m_corpusCombo = nullptr;
  QWidget *m_generatorRow = nullptr; // shown for generated corpora
  QSpinBox *m_generatorLength = nullptr;
  QSpinBox *m_generatorSeed = nullptr;
  QTimer *m_regenerate = nullptr;    // coalesces spin box changes into one regeneration
  QWidget *m_csvRow = nullptr;       // shown for CSV corpora
  QComboBox *m_csvColumnCombo = nullptr;
  QLabel *m_corpusInfo = nullptr;
  QLabel *m_corpusLabel = nullptr, *m_lengthLabel = nullptr, *m_seedLabel = nullptr, *m_columnLabel = nullptr;
};

} // namespace lstm
