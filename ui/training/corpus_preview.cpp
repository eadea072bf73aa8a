#include "corpus_preview.h"

#include "data/corpus.h"

#include <QEvent>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace lstm {

namespace {
constexpr int kPreviewChars = 300;
constexpr int kPreviewValues = 60;
} // namespace

CorpusPreview::CorpusPreview(QWidget *parent) : QPlainTextEdit(parent) {
  setObjectName(QStringLiteral("corpusPreview"));
  setReadOnly(true);
  setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
  retranslateUi();
}

void CorpusPreview::showCorpus(const Corpus &corpus) {
  if (corpus.isSeries()) { // the first values in the file's own units
    QStringList values;
    const qsizetype count = std::min<qsizetype>(kPreviewValues, qsizetype(corpus.series.size()));
    for (qsizetype i = 0; i < count; ++i)
      values << QLocale().toString(corpus.scaling.invert(double(corpus.series[std::size_t(i)])), 'g', 6);
    setPlainText(values.join(QStringLiteral("  ")));
  } else {
    const std::u32string head = corpus.text(0, kPreviewChars);
    setPlainText(QString::fromUcs4(head.data(), qsizetype(head.size())));
  }
}

void CorpusPreview::retranslateUi() { setPlaceholderText(tr("The first characters of the corpus appear here.")); }

void CorpusPreview::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QPlainTextEdit::changeEvent(event);
}

} // namespace lstm
