#pragma once
// "What does the model write now?": a log of short samples from weight snapshots taken during training, so a
// learner reads the text getting better. Sampling a few hundred characters from a small model takes
// milliseconds, so it runs on the GUI thread; training itself never does.
#include <QPlainTextEdit>

#include <memory>
#include <vector>

namespace lstm {

struct Model;

class SampleLog : public QPlainTextEdit {
  Q_OBJECT
public:
  explicit SampleLog(QWidget *parent = nullptr);

  // Appends "iteration N: <sample>" — `length` characters written by `model` from a newline, temperature 0.8,
  // seeded by the iteration so the same snapshot always writes the same text. Models that do not predict
  // characters are skipped.
  void addSample(const std::shared_ptr<const Model> &model, qint64 iteration, int length = 160);
  int samples() const { return m_samples; }
  // False for a series run: a forecaster writes no text, so the log is cleared and says so.
  void setTextSamples(bool text);
  bool textSamples() const { return m_textSamples; }
  void clearSamples();
  // Highlights and scrolls to the sample of the latest iteration ≤ `iteration` (the timeline's moment); returns
  // that iteration, or −1 when no kept sample is that early.
  qint64 showIteration(qint64 iteration);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi(); // the placeholder; samples already written stay as they are
  int m_samples = 0;
  bool m_textSamples = true;
  std::vector<qint64> m_iterations; // one per sample, oldest first; the first ones may have scrolled out
};

} // namespace lstm
