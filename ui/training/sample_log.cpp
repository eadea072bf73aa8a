#include "sample_log.h"

#include "explore/sampler.h"
#include "explore/stepper.h"

#include <QEvent>
#include <QTextBlock>

#include <algorithm>

namespace lstm {

SampleLog::SampleLog(QWidget *parent) : QPlainTextEdit(parent) {
  setObjectName(QStringLiteral("sampleLog"));
  setReadOnly(true);
  setMaximumBlockCount(2000); // a long run keeps its recent samples, not all of them
  setTextSamples(true);
}

void SampleLog::setTextSamples(bool text) {
  m_textSamples = text;
  if (!text)
    clearSamples();
  retranslateUi();
}

void SampleLog::retranslateUi() {
  setPlaceholderText(m_textSamples ? tr("Samples written by the model as it learns appear here.")
                                   : tr("Nothing to sample: a series model predicts numbers, not text. Its "
                                        "forecasts show in the Forecast view."));
}

void SampleLog::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QPlainTextEdit::changeEvent(event);
}

void SampleLog::addSample(const std::shared_ptr<const Model> &model, qint64 iteration, int length) {
  if (!model || !model->config.usesTokens() || model->config.head != HeadKind::Softmax)
    return;
  Stepper stepper(model, 1);
  stepper.setRecording(false);
  SamplingOptions options;
  options.temperature = 0.8;
  options.seed = std::uint64_t(iteration);
  Sampler sampler(options);
  const std::vector<std::int32_t> tokens = generate(stepper, {}, length, sampler);
  std::u32string text;
  text.reserve(tokens.size());
  for (std::int32_t token : tokens)
    text += model->vocabulary.symbol(token);
  QString shown = QString::fromStdU32String(text);
  shown.replace(QLatin1Char('\n'), QStringLiteral(" ↵ "));
  appendPlainText(tr("iteration %1: %2").arg(iteration).arg(shown));
  m_iterations.push_back(iteration);
  ++m_samples;
}

void SampleLog::clearSamples() {
  clear();
  setExtraSelections({});
  m_iterations.clear();
  m_samples = 0;
}

qint64 SampleLog::showIteration(qint64 iteration) {
  // Block k of the document is sample k + dropped: setMaximumBlockCount removes the oldest blocks first.
  const int dropped = int(m_iterations.size()) - document()->blockCount();
  auto after = std::upper_bound(m_iterations.begin() + std::max(dropped, 0), m_iterations.end(), iteration);
  if (after == m_iterations.begin() + std::max(dropped, 0)) {
    setExtraSelections({});
    return -1;
  }
  const int index = int(after - m_iterations.begin()) - 1;
  QTextEdit::ExtraSelection selection;
  selection.cursor = QTextCursor(document()->findBlockByNumber(index - dropped));
  selection.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
  selection.format.setProperty(QTextFormat::FullWidthSelection, true);
  setExtraSelections({selection});
  setTextCursor(selection.cursor);
  ensureCursorVisible();
  return m_iterations[std::size_t(index)];
}

} // namespace lstm
