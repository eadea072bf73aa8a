// CorpusPreview: the first 300 characters of a text corpus, or the first 60 values of a series in the file's own
// units (not the scaled values the model reads).
#include "common/problem.h"
#include "data/series_corpus.h"
#include "training/corpus_preview.h"

#include <QLocale>
#include <QTest>

#include <cmath>
#include <vector>

using namespace lstm;

class TestCorpusPreview : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void showsTheHeadOfAText();
  void showsSeriesValuesInTheirOwnUnits();
};

void TestCorpusPreview::showsTheHeadOfAText() {
  std::u32string text;
  for (int i = 0; i < 500; ++i)
    text += U"ab c\n"[i % 5];
  text[0] = U'雪';
  Problem problem;
  const auto corpus = corpusFromText(text, QStringLiteral("letters"), {}, &problem);
  QVERIFY2(corpus, qPrintable(problemInEnglish(problem)));
  CorpusPreview preview;
  QVERIFY(!preview.placeholderText().isEmpty());
  preview.showCorpus(*corpus);
  const std::u32string head = text.substr(0, 300);
  QCOMPARE(preview.toPlainText(), QString::fromUcs4(head.data(), qsizetype(head.size())));
  QVERIFY(preview.isReadOnly());
}

void TestCorpusPreview::showsSeriesValuesInTheirOwnUnits() {
  std::vector<double> values;
  for (int i = 0; i < 100; ++i)
    values.push_back(1000.0 + 2.5 * i);
  Problem problem;
  const auto corpus = corpusFromSeries(values, QStringLiteral("prices.csv"), QStringLiteral("close"), {}, &problem);
  QVERIFY2(corpus, qPrintable(problemInEnglish(problem)));
  CorpusPreview preview;
  preview.showCorpus(*corpus);
  const QStringList shown = preview.toPlainText().split(QStringLiteral("  "));
  QCOMPARE(shown.size(), 60);
  for (int i = 0; i < shown.size(); ++i) {
    bool ok = false;
    const double value = QLocale().toDouble(shown[i], &ok);
    QVERIFY2(ok, qPrintable(shown[i]));
    QVERIFY2(std::abs(value - values[std::size_t(i)]) < 1e-3, qPrintable(shown[i]));
  }
}

QTEST_MAIN(TestCorpusPreview)
#include "tst_corpus_preview.moc"
