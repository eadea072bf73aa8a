// TextLayout: a relayout from the first changed character (an edit, appended text, a new width, appended series
// values) gives the same cells as laying the whole tape out afresh, and hit-testing finds every cell it placed.
#include "data/vocabulary.h"
#include "explorer/text_layout.h"

#include <QTest>

#include <string>
#include <vector>

using namespace lstm;

namespace {

const QString kAlphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz -.,\n\t春眠不觉晓处闻啼鸟");
const QString kText = QStringLiteral("the quick brown fox jumps over the lazy dog, then naps.\n\nwell-known "
                                     "春眠不觉晓，处处闻啼鸟 and a verylongwordthatcannotwrapanywhere\tat all\n"
                                     "pack my box with five dozen jugs.\n");

Vocabulary vocabulary() { return Vocabulary::fromText(kAlphabet.toStdU32String()); }

std::vector<std::int32_t> encode(const Vocabulary &vocabulary, const QString &text) {
  std::vector<std::int32_t> tokens;
  for (char32_t symbol : text.toStdU32String())
    if (vocabulary.idOf(symbol) >= 0)
      tokens.push_back(vocabulary.idOf(symbol));
  return tokens;
}

QFont testFont() {
  QFont font;
  font.setPointSizeF(12.0);
  font.setKerning(false);
  return font;
}

void syncTokens(TextLayout &layout, const std::vector<std::int32_t> &tokens) {
  layout.syncTokens(int(tokens.size()), [&tokens](int k) { return tokens[std::size_t(k)]; });
}

void syncValues(TextLayout &layout, const std::vector<double> &values) {
  layout.syncValues(int(values.size()), [&values](int k) { return values[std::size_t(k)]; });
}

// Callers check QTest::currentTestFailed() after it.
void compareCells(const TextLayout &actual, const TextLayout &expected) {
  QCOMPARE(actual.cellCount(), expected.cellCount());
  QCOMPARE(actual.rowCount(), expected.rowCount());
  for (int row = 0; row < expected.rowCount(); ++row)
    QCOMPARE(actual.rowBegin(row), expected.rowBegin(row));
  for (int k = 0; k < expected.cellCount(); ++k) {
    QCOMPARE(actual.cellX(k), expected.cellX(k));
    QCOMPARE(actual.cellWidth(k), expected.cellWidth(k));
  }
}

} // namespace

class TestTextLayout : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void editRelayoutsLikeAFreshLayout_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("editAt");
    QTest::addColumn<QString>("replacement");
    QTest::newRow("append") << 240 << int(kText.size()) << QStringLiteral("more words here\n");
    QTest::newRow("shorter word early") << 240 << 4 << QStringLiteral("q brown fox jumps over the lazy dog.");
    QTest::newRow("longer word mid") << 180 << 60 << QStringLiteral("extraordinarily long words  \n");
    QTest::newRow("chinese") << 120 << 70 << QStringLiteral("春眠春眠春眠春眠春眠");
    QTest::newRow("delete the tail") << 300 << 30 << QString();
    QTest::newRow("narrow") << 40 << 10 << QStringLiteral("x-y-z");
  }
  void editRelayoutsLikeAFreshLayout() {
    QFETCH(int, width);
    QFETCH(int, editAt);
    QFETCH(QString, replacement);
    const Vocabulary words = vocabulary();
    const std::vector<std::int32_t> before = encode(words, kText);
    const std::vector<std::int32_t> after = encode(words, kText.left(editAt) + replacement);

    TextLayout edited;
    edited.setFont(testFont());
    edited.setWidth(width);
    edited.reset(&words, false);
    syncTokens(edited, before);
    QVERIFY(edited.rowCount() > 1);
    syncTokens(edited, after);

    TextLayout fresh;
    fresh.setFont(testFont());
    fresh.setWidth(width);
    fresh.reset(&words, false);
    syncTokens(fresh, after);
    compareCells(edited, fresh);
    if (QTest::currentTestFailed())
      return;
    // Rows never overflow the width, except a single character wider than it.
    for (int row = 0; row < fresh.rowCount(); ++row)
      for (int k = fresh.rowBegin(row); k < fresh.rowEnd(row); ++k)
        QVERIFY(k == fresh.rowBegin(row) || fresh.cellX(k) + fresh.cellWidth(k) <= float(width) + 1e-3f);

    // A new width relayouts everything, as a fresh layout at that width does.
    edited.setWidth(width + 57);
    fresh = TextLayout();
    fresh.setFont(testFont());
    fresh.setWidth(width + 57);
    fresh.reset(&words, false);
    syncTokens(fresh, after);
    compareCells(edited, fresh);
  }

  void hitTestingFindsEveryCell() {
    const Vocabulary words = vocabulary();
    TextLayout layout;
    layout.setFont(testFont());
    layout.setWidth(200);
    layout.reset(&words, false);
    syncTokens(layout, encode(words, kText));
    QCOMPARE(layout.indexAt(QPoint(-5, 1)), -1);
    QCOMPARE(layout.indexAt(QPoint(1, -5)), -1);
    QVERIFY(layout.cellRect(-1).isNull());
    QVERIFY(layout.cellRect(layout.cellCount()).isNull());
    for (int k = 0; k < layout.cellCount(); ++k) {
      const QRect cell = layout.cellRect(k);
      QCOMPARE(cell.top(), layout.rowTop(layout.rowOf(k)));
      if (layout.cellWidth(k) < 1.0f)
        continue; // a blank squeezed to nothing at the end of a row
      const QPoint centre(int(layout.cellX(k) + layout.cellWidth(k) / 2.0f), cell.center().y());
      QVERIFY2(layout.indexAt(centre) == k, qPrintable(QString::number(k)));
    }
    // Right of a row's last character nothing is hit.
    const int row = layout.rowOf(0);
    const int last = layout.rowEnd(row) - 1;
    const QRect lastCell = layout.cellRect(last);
    QCOMPARE(layout.indexAt(QPoint(lastCell.right() + 100, lastCell.center().y())), -1);
    // Below the last row nothing is hit either.
    QCOMPARE(layout.indexAt(QPoint(1, layout.rowTop(layout.rowCount()) + 2)), -1);
  }

  void appendedValuesRelayoutLikeAFreshGrid() {
    std::vector<double> values;
    for (int k = 0; k < 120; ++k)
      values.push_back(double(k % 7) * 0.5);
    TextLayout grown;
    grown.setFont(testFont());
    grown.setWidth(330);
    grown.reset(nullptr, true);
    QVERIFY(grown.isSeries());
    syncValues(grown, std::vector<double>(values.begin(), values.begin() + 50));
    const float narrow = grown.cellWidth(0);
    syncValues(grown, values);
    QCOMPARE(grown.cellWidth(0), narrow); // no wider value: only rows from the change on moved
    values.push_back(-123456.789);         // a wider value widens every cell
    syncValues(grown, values);
    QVERIFY(grown.cellWidth(0) > narrow);

    TextLayout fresh;
    fresh.setFont(testFont());
    fresh.setWidth(330);
    fresh.reset(nullptr, true);
    syncValues(fresh, values);
    compareCells(grown, fresh);
    if (QTest::currentTestFailed())
      return;
    const int perRow = fresh.rowEnd(0);
    QVERIFY(perRow > 1);
    for (int row = 0; row + 1 < fresh.rowCount(); ++row)
      QCOMPARE(fresh.rowEnd(row) - fresh.rowBegin(row), perRow);
    for (int k = 0; k < fresh.cellCount(); ++k)
      QCOMPARE(fresh.indexAt(fresh.cellRect(k).center()), k);
  }
};

QTEST_MAIN(TestTextLayout)
#include "tst_text_layout.moc"
