// TextView: tints, clicks, wrapping of Latin and Chinese text, tooltips, auto-scroll, coalesced refreshes.
#include "common/quantity_style.h"
#include "explorer/explorer_session.h"
#include "explorer/text_view.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QApplication>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace lstm;
using test::savePng;

namespace {

const QString kText = QStringLiteral("The quick brown fox jumps over the lazy dog.\nPack my box with five dozen jugs.\n");
const QString kChinese = QStringLiteral("春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n");

// Within two units per channel: the tint is painted exactly, the grab may round.
bool near(const QColor &a, const QColor &b) {
  return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 && std::abs(a.blue() - b.blue()) <= 2;
}

} // namespace

class TestTextView : public QObject, public test::ViewFixture<TextView> {
  Q_OBJECT

  // Callers check QTest::currentTestFailed() after it.
  void open(const QString &alphabet, const QString &text, int steps, QSize size = {520, 260}) {
    ViewFixture::open({.alphabet = alphabet, .units = 6, .text = text, .steps = steps, .size = size});
  }

private Q_SLOTS:
  void cleanup() { close(); }

  void emptySessionIsHarmless() {
    ExplorerSession session;
    TextView view(&session);
    view.resize(300, 200);
    view.refreshNow();
    QCOMPARE(view.objectName(), QStringLiteral("textView"));
    QCOMPARE(view.stepAt(QPoint(10, 10)), -1);
    QVERIFY(view.characterRect(0).isNull());
    QVERIFY(view.toolTipText(0).isEmpty());
    QVERIFY(!view.grab().isNull());
  }

  void tintsFollowTheTrace_data() {
    QTest::addColumn<Quantity>("quantity");
    QTest::newRow("c") << Quantity::Cell;
    QTest::newRow("f") << Quantity::ForgetGate;
    QTest::newRow("h") << Quantity::Hidden;
  }
  void tintsFollowTheTrace() {
    QFETCH(Quantity, quantity);
    open(test::kTestAlphabet, kText, 40);
    if (QTest::currentTestFailed())
      return;
    m_session->selectUnit(0, 2);
    m_session->selectQuantity(quantity);
    m_session->setCursor(0);
    m_view->refreshNow();
    const QImage image = m_view->viewport()->grab().toImage();
    for (int index : {3, 10, 25, 39}) {
      const QRect cell = m_view->characterRect(index);
      QVERIFY(m_view->viewport()->rect().contains(cell));
      // c is drawn over ±max|c| of the unit (at least 1), gates and h over their natural ranges.
      const QuantityRange range = unitRange(m_session->trace(), 0, quantity, 2);
      if (quantity != Quantity::Cell)
        QCOMPARE(range.high, naturalRange(quantity).high);
      const QColor expected = quantityColor(quantity, double(m_session->trace().value(0, quantity, index, 2)), range);
      const QColor actual = image.pixelColor(cell.topLeft() + QPoint(1, 1));
      QVERIFY2(near(actual, expected), qPrintable(QStringLiteral("index %1: %2 instead of %3")
                                                      .arg(index).arg(actual.name(), expected.name())));
    }
    // Not read yet: no tint.
    const QRect unread = m_view->characterRect(60);
    QCOMPARE(image.pixelColor(unread.topLeft() + QPoint(1, 1)), m_view->palette().base().color());
    savePng(*m_view, QStringLiteral("text_view.png"));
  }

  void clickOnReadCharacterMovesTheCursor() {
    open(test::kTestAlphabet, kText, 30);
    if (QTest::currentTestFailed())
      return;
    QSignalSpy cursorSpy(m_session.get(), &ExplorerSession::cursorChanged);
    const QRect cell = m_view->characterRect(7);
    QCOMPARE(m_view->stepAt(cell.center()), 7);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_session->cursor(), 7);
    QCOMPARE(m_session->steps(), 30);
    QCOMPARE(cursorSpy.count(), 1);
  }

  void clickOnUnreadCharacterRunsToIt() {
    open(test::kTestAlphabet, kText, 5);
    if (QTest::currentTestFailed())
      return;
    const QRect cell = m_view->characterRect(50);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(m_session->steps(), 51);
    QCOMPARE(m_session->cursor(), 50);
  }

  void clickOutsideTheTextDoesNothing() {
    open(test::kTestAlphabet, kText, 10);
    if (QTest::currentTestFailed())
      return;
    const QPoint below(5, m_view->viewport()->height() - 2);
    QCOMPARE(m_view->stepAt(below), -1);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, below);
    QCOMPARE(m_session->cursor(), 9);
    QCOMPARE(m_session->steps(), 10);
  }

  void layoutWrapsAndBreaksLines_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("wraps"); // some line is wider than the view
    QTest::newRow("latin") << kText.repeated(3) << 260 << true;
    QTest::newRow("chinese") << kChinese.repeated(4) << 320 << false;
    QTest::newRow("chinese narrow") << kChinese.repeated(2) << 90 << true;
  }
  void layoutWrapsAndBreaksLines() {
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(bool, wraps);
    open(test::kTestAlphabet + QStringLiteral("，。夜来风雨声花落知多少处闻啼鸟"), text, 8, {width, 420});
    if (QTest::currentTestFailed())
      return;
    const int right = m_view->viewport()->width();
    QRect previous;
    int rows = 1;
    for (int k = 0; k < text.size(); ++k) {
      const QRect cell = m_view->characterRect(k);
      QVERIFY(cell.isValid());
      QVERIFY2(cell.left() >= 0 && cell.right() < right, qPrintable(QStringLiteral("index %1 leaves the viewport").arg(k)));
      if (k > 0) {
        QVERIFY2(!cell.intersects(previous), qPrintable(QStringLiteral("index %1 overlaps its predecessor").arg(k)));
        const bool newRow = cell.top() > previous.top();
        rows += newRow ? 1 : 0;
        if (text[k - 1] == QLatin1Char('\n'))
          QVERIFY2(newRow && cell.left() < 10, qPrintable(QStringLiteral("no line break before index %1").arg(k)));
        if (!newRow)
          QCOMPARE(cell.left(), previous.right() + 1);
      }
      QCOMPARE(m_view->stepAt(cell.center()), k);
      previous = cell;
    }
    QCOMPARE(rows > text.count(QLatin1Char('\n')), wraps);
    if (text.startsWith(QChar(0x6625))) {
      // Full-width characters are wider than Latin ones and all the same width.
      const int wide = m_view->characterRect(0).width();
      QFont font = m_view->font();
      font.setPointSizeF(m_view->fontPointSize());
      QVERIFY(wide >= QFontMetrics(font).horizontalAdvance(QLatin1Char('a')) * 3 / 2);
      QVERIFY(std::abs(m_view->characterRect(1).width() - wide) <= 1);
      m_view->refreshNow();
      savePng(*m_view, QStringLiteral("text_view_chinese_%1.png").arg(width));
    }
  }

  void wordsMoveToTheNextRowWhole() {
    open(test::kTestAlphabet, QStringLiteral("aaaa bbbb cccc dddd eeee ffff gggg hhhh"), 0, {160, 200});
    if (QTest::currentTestFailed())
      return;
    // No row starts in the middle of a word: a character after a letter on a new row would be a split word.
    const QString text = m_session->tapeText();
    for (int k = 1; k < text.size(); ++k) {
      const bool newRow = m_view->characterRect(k).top() > m_view->characterRect(k - 1).top();
      if (newRow)
        QVERIFY2(text[k - 1] == QLatin1Char(' '), qPrintable(QStringLiteral("row starts at %1").arg(k)));
    }
    QVERIFY(m_view->characterRect(text.size() - 1).top() > m_view->characterRect(0).top());
  }

  void tooltipShowsTheSelectedUnit() {
    open(test::kTestAlphabet, kText, 20);
    if (QTest::currentTestFailed())
      return;
    m_session->selectUnit(0, 3);
    const int index = 4; // 'q'
    const QString c = QString::number(double(m_session->trace().value(0, Quantity::Cell, index, 3)), 'f', 3);
    const QString text = m_view->toolTipText(index);
    QVERIFY(text.contains(QStringLiteral("step 5: 'q'"))); // index 4, counted from 1
    QVERIFY(text.contains(QStringLiteral("c ") + c));
    QVERIFY(text.contains(QStringLiteral("unit 3")));
    const QPoint pos = m_view->characterRect(index).center();
    QHelpEvent help(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(m_view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), text);
    QVERIFY(m_view->toolTipText(40).contains(QStringLiteral("not read yet")));
    QToolTip::hideText();
  }

  void cursorStaysVisibleWhileReading() {
    open(test::kTestAlphabet, kText.repeated(40), 0, {300, 160});
    if (QTest::currentTestFailed())
      return;
    QVERIFY(m_view->verticalScrollBar()->maximum() > 0);
    for (int target : {400, 1500, 2900, 100}) {
      QVERIFY(m_session->runTo(target));
      QTRY_COMPARE(m_session->steps(), target);
      m_view->refreshNow();
      const QRect cell = m_view->characterRect(m_session->cursor());
      QVERIFY2(m_view->viewport()->rect().contains(cell), qPrintable(QStringLiteral("cursor %1 off screen").arg(target)));
    }
  }

  void writingExtendsTheLayout() {
    open(test::kTestAlphabet, QStringLiteral("ab"), 2);
    if (QTest::currentTestFailed())
      return;
    m_session->setMode(DriveMode::Write);
    for (int k = 0; k < 30; ++k)
      QVERIFY(m_session->stepForward());
    m_view->refreshNow();
    QCOMPARE(m_session->tapeLength(), 32);
    const QRect last = m_view->characterRect(31);
    QVERIFY(last.isValid());
    QCOMPARE(m_view->stepAt(last.center()), 31);
    // Stepping back keeps the tape; writing again replaces the old continuation, and the layout follows.
    for (int k = 0; k < 10; ++k)
      QVERIFY(m_session->stepBack());
    QVERIFY(m_session->stepForward());
    m_view->refreshNow();
    QCOMPARE(m_view->stepAt(m_view->characterRect(22).center()), 22);
    QVERIFY(m_view->characterRect(m_session->tapeLength()).isNull());
  }

  void incrementalLayoutMatchesAFreshOne() {
    open(test::kTestAlphabet, QStringLiteral("one two"), 7, {200, 300});
    if (QTest::currentTestFailed())
      return;
    QString error;
    for (const QString &more : {QStringLiteral(" three four five"), QStringLiteral("\n"), QStringLiteral("春眠不觉晓 six"),
                                QStringLiteral(" seventeen eighteen nineteen")}) {
      QVERIFY(m_session->appendText(more, &error));
      m_view->refreshNow();
    }
    m_session->setMode(DriveMode::Write);
    for (int k = 0; k < 40; ++k)
      QVERIFY(m_session->stepForward());
    m_view->refreshNow();
    TextView fresh(m_session.get());
    fresh.resize(m_view->size());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    fresh.verticalScrollBar()->setValue(m_view->verticalScrollBar()->value());
    fresh.refreshNow();
    QCOMPARE(fresh.viewport()->size(), m_view->viewport()->size());
    for (int k = 0; k < m_session->tapeLength(); ++k)
      QCOMPARE(m_view->characterRect(k), fresh.characterRect(k));
  }

  void stepsAreCoalesced() {
    open(test::kTestAlphabet, kText.repeated(4), 1);
    if (QTest::currentTestFailed())
      return;
    QTRY_VERIFY(m_view->refreshCount() > 0);
    const long long before = m_view->refreshCount();
    for (int k = 0; k < 100; ++k)
      QVERIFY(m_session->stepForward());
    QTRY_COMPARE(m_view->refreshCount(), before + 1);
  }

  void fontSizeRelayouts() {
    open(test::kTestAlphabet, kText, 10);
    if (QTest::currentTestFailed())
      return;
    const int small = m_view->characterRect(0).width();
    m_view->setFontPointSize(30);
    QVERIFY(m_view->characterRect(0).width() > small * 2);
    QCOMPARE(m_view->stepAt(m_view->characterRect(12).center()), 12);
  }
};

QTEST_MAIN(TestTextView)
#include "tst_text_view.moc"
