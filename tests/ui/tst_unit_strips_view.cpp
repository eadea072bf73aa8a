// UnitStripsView: strips under each line of the text tinted with the chosen units' values, clicks that inspect a
// step, the three ways to choose units (traced, typed, top N of unit discovery), the PNG/SVG/HTML exports, Chinese
// text, and its dock and File ▸ Export entry in the real window.
#include "common/dialogs.h"
#include "common/quantity_style.h"
#include "explorer/explorer_session.h"
#include "explorer/unit_discovery_panel.h"
#include "explorer/unit_strips_export.h"
#include "explorer/unit_strips_view.h"
#include "first_launch_window.h"
#include "ui_test_helpers.h"
#include "view_test_fixture.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtSvg/QSvgRenderer> // lstm_ui links Qt6::Svg privately: its include path is not the tests'

#include <cmath>

using namespace lstm;
using test::child;

namespace {

const QString kText = QStringLiteral("The quick \"brown\" fox jumps over the lazy dog.\nPack my box with five dozen "
                                     "jugs, (a <b> & c).\nHow vexingly quick daft zebras jump.\n");
const QString kAlphabet = test::kTestAlphabet + QStringLiteral("<>&");
const QString kChinese = QStringLiteral("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n春眠不觉晓，处处闻啼鸟。\n");

bool near(const QColor &a, const QColor &b) {
  return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 && std::abs(a.blue() - b.blue()) <= 2;
}

} // namespace

class TestUnitStripsView : public QObject, public test::ViewFixture<UnitStripsView> {
  Q_OBJECT

  // Callers check QTest::currentTestFailed() after it.
  void open(const QString &text, int steps, QSize size = {620, 520}, int layers = 1) {
    ViewFixture::open({.alphabet = kAlphabet + kChinese, .units = 12, .layers = layers, .text = text, .steps = steps, .size = size});
  }
  UnitStripsCanvas *canvas() const { return m_view->canvas(); }
  QImage grabCanvas() const { return canvas()->viewport()->grab().toImage(); }
  QColor pixelAt(const QImage &image, QPoint point) const { return image.pixelColor(point); }

private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void cleanup() {
    dialogs::setHooks({});
    close();
  }

  void emptySessionIsHarmless() {
    ExplorerSession session;
    UnitStripsView view(&session);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.refreshNow();
    QVERIFY(view.strips().empty());
    QVERIFY(!view.message().isEmpty());
    QCOMPARE(view.canvas()->stepAt(QPoint(50, 20)), -1);
    QVERIFY(!view.grab().isNull());
  }

  void stripsFollowTheLinesAndTheValues_data() {
    QTest::addColumn<Quantity>("quantity");
    QTest::newRow("c") << Quantity::Cell;
    QTest::newRow("f") << Quantity::ForgetGate;
    QTest::newRow("h") << Quantity::Hidden;
  }
  void stripsFollowTheLinesAndTheValues() {
    QFETCH(Quantity, quantity);
    open(kText, int(kText.size()));
    QVERIFY(!QTest::currentTestFailed());
    m_session->selectQuantity(quantity);
    QVERIFY(m_view->setChosenUnits(QStringLiteral("3, 7 0")));
    m_view->refreshNow();
    QCOMPARE(int(m_view->strips().size()), 3);
    QCOMPARE(m_view->strips()[2].unit, 0);
    const QImage image = grabCanvas();
    const Trace &trace = m_session->trace();
    int checked = 0;
    for (int index = 0; index < m_session->steps(); ++index) {
      const QRect cell = canvas()->characterRect(index);
      if (cell.bottom() + 60 > image.height())
        break; // the rest is scrolled out of sight
      // A line's characters share its top; the line after a newline starts lower down.
      if (index > 0 && canvas()->lineOf(index) == canvas()->lineOf(index - 1))
        QCOMPARE(cell.top(), canvas()->characterRect(index - 1).top());
      if (index > 0 && kText[index - 1] == QLatin1Char('\n'))
        QVERIFY(cell.top() > canvas()->characterRect(index - 1).top());
      for (int strip = 0; strip < 3; ++strip) {
        const QRect rect = canvas()->stripRect(strip, index);
        QCOMPARE(rect.left(), cell.left()); // under its character, as wide
        QCOMPARE(rect.width(), cell.width());
        QVERIFY(rect.top() >= cell.bottom());
        const UnitStrip &s = m_view->strips()[std::size_t(strip)];
        const QColor expected = quantityColor(quantity, double(trace.value(0, quantity, index, s.unit)),
                                              unitRange(trace, 0, quantity, s.unit));
        QCOMPARE(canvas()->stripColor(strip, index), expected);
        if (index == m_session->cursor())
          continue; // outlined
        const QColor seen = pixelAt(image, rect.center());
        QVERIFY2(near(seen, expected), qPrintable(QStringLiteral("step %1 strip %2: %3 vs %4")
                                                      .arg(index).arg(strip).arg(seen.name(), expected.name())));
        ++checked;
      }
    }
    QVERIFY(checked > 60);
    QVERIFY(canvas()->lineCount() >= 3);
  }

  void unreadCharactersHaveNoTint() {
    open(kText, 10);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(canvas()->stripColor(0, 9).isValid());
    QVERIFY(!canvas()->stripColor(0, 10).isValid());
    QVERIFY(!canvas()->characterRect(30).isNull()); // the whole text is laid out
  }

  void clickInspectsTheStep() {
    open(kText, int(kText.size()));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_view->setChosenUnits(QStringLiteral("2, 5")));
    m_view->refreshNow();
    QTest::mouseClick(canvas()->viewport(), Qt::LeftButton, {}, canvas()->stripRect(1, 7).center());
    QCOMPARE(m_session->cursor(), 7);
    QTest::mouseClick(canvas()->viewport(), Qt::LeftButton, {}, canvas()->characterRect(52).center());
    QCOMPARE(m_session->cursor(), 52);
    // The inspected character is highlighted: step 3 is a space, so its cell shows the highlight, not ink.
    QTest::mouseClick(canvas()->viewport(), Qt::LeftButton, {}, canvas()->characterRect(3).center());
    QCOMPARE(m_session->cursor(), 3);
    m_view->refreshNow();
    QCOMPARE(pixelAt(grabCanvas(), canvas()->characterRect(3).center()), QColor(255, 226, 178));
    QVERIFY(pixelAt(grabCanvas(), canvas()->characterRect(9).center()) != QColor(255, 226, 178));
    // A strip's label selects its unit everywhere.
    QTest::mouseClick(canvas()->viewport(), Qt::LeftButton, {}, canvas()->labelRect(1, 0).center());
    QCOMPARE(m_session->selectedUnit(), 5);
  }

  void blankLinesShowOnlyTheirStrips() {
    const QString text = QStringLiteral("ab cd\n\nef gh\n");
    open(text, int(text.size()));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_view->setChosenUnits(QStringLiteral("1, 2")));
    m_view->refreshNow();
    const int blank = 6; // the second newline, alone on its line
    QCOMPARE(canvas()->lineOf(blank), canvas()->lineOf(5) + 1);
    QCOMPARE(canvas()->stripRect(0, blank).top(), canvas()->characterRect(blank).top()); // no text row above
    const int textLine = canvas()->characterRect(blank).top() - canvas()->characterRect(0).top();
    const int blankLine = canvas()->characterRect(blank + 1).top() - canvas()->characterRect(blank).top();
    QVERIFY(blankLine < textLine);
    QVERIFY(near(pixelAt(grabCanvas(), canvas()->stripRect(1, blank).center()), canvas()->stripColor(1, blank)));
    QTest::mouseClick(canvas()->viewport(), Qt::LeftButton, {}, canvas()->stripRect(1, blank).center());
    QCOMPARE(m_session->cursor(), blank);
  }

  void clickBeyondTheReadTextReadsUpToIt() {
    open(kText, 5);
    QVERIFY(!QTest::currentTestFailed());
    QTest::mouseClick(canvas()->viewport(), Qt::LeftButton, {}, canvas()->characterRect(20).center());
    QTRY_COMPARE(m_session->steps(), 21);
  }

  void tracedUnitsFollowTheFocus() {
    open(kText, 20);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_view->source(), StripSource::Traced);
    m_session->selectUnit(0, 4);
    m_session->addTracedUnit(9);
    m_view->refreshNow();
    std::vector<int> units;
    for (const UnitStrip &s : m_view->strips())
      units.push_back(s.unit);
    QCOMPARE(units, m_session->tracedUnits());
    QVERIFY(std::find(units.begin(), units.end(), 9) != units.end());
  }

  void typedUnitsApplyOnEnter() {
    open(kText, 20, {620, 520}, 2);
    QVERIFY(!QTest::currentTestFailed());
    auto *combo = child<QComboBox>(m_view.get(), "stripsSourceCombo");
    combo->setCurrentIndex(combo->findData(int(StripSource::Chosen)));
    auto *edit = child<QLineEdit>(m_view.get(), "stripsUnitsEdit");
    QVERIFY(edit->isVisible());
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("11, 1:3"));
    QTest::keyClick(edit, Qt::Key_Return);
    m_view->refreshNow();
    QCOMPARE(int(m_view->strips().size()), 2);
    QCOMPARE(m_view->strips()[0].unit, 11);
    QCOMPARE(m_view->strips()[1].layer, 1);
    QCOMPARE(m_view->strips()[1].unit, 3);
    QCOMPARE(canvas()->stripLabel(1), QStringLiteral("L1 unit 3"));
    // A unit the model lacks is refused with a reason; the strips stay.
    QVERIFY(!m_view->setChosenUnits(QStringLiteral("12")));
    QVERIFY(m_view->message().contains(QStringLiteral("12")));
    QCOMPARE(int(m_view->strips().size()), 2);
    QVERIFY(m_view->setChosenUnits(QString()));
    m_view->refreshNow();
    QVERIFY(m_view->strips().empty());
  }

  void topUnitsMatchUnitDiscovery_data() {
    QTest::addColumn<TextFeature>("feature");
    QTest::addColumn<Quantity>("quantity");
    QTest::newRow("line position, c") << TextFeature::LinePosition << Quantity::Cell;
    QTest::newRow("inside quotes, h") << TextFeature::InsideQuotes << Quantity::Hidden;
    QTest::newRow("since space, f") << TextFeature::SinceSpace << Quantity::ForgetGate;
  }
  void topUnitsMatchUnitDiscovery() {
    QFETCH(TextFeature, feature);
    QFETCH(Quantity, quantity);
    open(kText, int(kText.size()));
    QVERIFY(!QTest::currentTestFailed());
    m_session->selectQuantity(quantity);
    m_view->setRanking(feature, 4);
    m_view->refreshNow();
    UnitDiscoveryPanel panel(m_session.get());
    panel.resize(420, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *quantityCombo = child<QComboBox>(&panel, "discoveryQuantityCombo");
    quantityCombo->setCurrentIndex(quantityCombo->findData(int(quantity)));
    auto *featureCombo = child<QComboBox>(&panel, "discoveryFeatureCombo");
    featureCombo->setCurrentIndex(featureCombo->findData(int(feature)));
    panel.refreshNow();
    QCOMPARE(int(m_view->strips().size()), 4);
    QVERIFY(panel.scores().size() >= 4);
    for (int k = 0; k < 4; ++k) {
      QCOMPARE(m_view->strips()[std::size_t(k)].unit, panel.scores()[std::size_t(k)].unit);
      QCOMPARE(m_view->strips()[std::size_t(k)].correlation, panel.scores()[std::size_t(k)].correlation);
    }
    QVERIFY(canvas()->stripLabel(0).contains(QStringLiteral("r=")));
  }

  void exportsAreWellFormed() {
    open(kText, int(kText.size()));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_view->setChosenUnits(QStringLiteral("3, 7")));
    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("strips.png"));
    QVERIFY2(m_view->exportTo(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 2 * kMinStripsExportWidth);
    // The whole text, not only the visible part: taller than the view.
    QVERIFY(image.height() > 2 * canvas()->lineCount() * 40);

    const QString svg = dir.filePath(QStringLiteral("strips.svg"));
    QVERIFY2(m_view->exportTo(svg, &error), qPrintable(error));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY2(renderer.viewBox().width() >= kMinStripsExportWidth, qPrintable(QString::number(renderer.viewBox().width())));

    const QString htmlPath = dir.filePath(QStringLiteral("strips.html"));
    QVERIFY2(m_view->exportTo(htmlPath, &error), qPrintable(error));
    QFile file(htmlPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QString html = QString::fromUtf8(bytes);
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\"/>")));
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd())
      xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (QChar c : kText) {
      if (c == QLatin1Char('\n'))
        continue;
      QVERIFY2(html.contains(QStringLiteral("<span class=\"t\">") + QString(c).toHtmlEscaped() + QStringLiteral("</span>")),
               qPrintable(QString(c)));
    }
    QVERIFY(!html.contains(QStringLiteral("<b>")));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt; &amp;")) || html.contains(QStringLiteral("&amp;")));
    QVERIFY(html.contains(QStringLiteral("unit 3")));
    QVERIFY(html.contains(QStringLiteral("unit 7")));
    QCOMPARE(html.count(QStringLiteral("<span class=\"ch")), int(kText.size()));
    QVERIFY(html.contains(QStringLiteral("background:") + canvas()->stripColor(1, 4).name()));

    QVERIFY(!m_view->exportTo(dir.filePath(QStringLiteral("strips.bmp")), &error));
    QVERIFY(error.contains(QStringLiteral("strips.bmp")));
  }

  void exportButtonAsksForThePath() {
    open(kText, 12);
    QVERIFY(!QTest::currentTestFailed());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("button.svg"));
    dialogs::setHooks({{}, [&path](const QString &, const QString &) { return path; },
                       [](const QString &text) { QFAIL(qPrintable(text)); }});
    QTest::mouseClick(child<QToolButton>(m_view.get(), "stripsExportButton"), Qt::LeftButton);
    QVERIFY(QSvgRenderer(path).isValid());
  }

  void chineseTextLaysOut() {
    open(kChinese, int(kChinese.size()), {300, 600});
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_view->setChosenUnits(QStringLiteral("1, 2")));
    m_view->refreshNow();
    QVERIFY2(canvas()->lineCount() > 3, "the long Chinese line wraps");
    const int right = canvas()->viewport()->width();
    for (int index = 0; index < int(kChinese.size()); ++index) {
      const QRect cell = canvas()->characterRect(index);
      QVERIFY(cell.width() > 4);
      QVERIFY2(cell.right() < right, qPrintable(QString::number(index)));
      if (index > 0 && canvas()->lineOf(index) == canvas()->lineOf(index - 1))
        QVERIFY(cell.left() >= canvas()->characterRect(index - 1).right()); // side by side, no overlap
      QCOMPARE(canvas()->stripRect(1, index).left(), cell.left());
      QCOMPARE(canvas()->stepAt(canvas()->stripRect(0, index).center()), index);
    }
    QString html = unitStripsHtml(*canvas());
    QVERIFY(html.contains(QStringLiteral("<span class=\"t\">春</span>")));
  }

  void windowHasTheDockAndTheExport() {
    std::unique_ptr<MainWindow> window;
    test::openFirstLaunchWindow(window);
    QVERIFY(!QTest::currentTestFailed());
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("unitStripsDock"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Units over the text"));
    QVERIFY(qobject_cast<UnitStripsView *>(dock->widget()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("menu.html"));
    dialogs::setHooks({{}, [&path](const QString &, const QString &) { return path; },
                       [](const QString &text) { QFAIL(qPrintable(text)); }});
    auto *action = window->findChild<QAction *>(QStringLiteral("exportUnitStripsAction"));
    QVERIFY(action);
    action->trigger(); // the dock is tabbed away: the export still shows the model's text
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.count(QStringLiteral("<span class=\"ch")) == window->session()->tapeLength());
    QVERIFY(html.contains(QStringLiteral("unit %1").arg(window->session()->selectedUnit())));
    window.reset();
  }
};

QTEST_MAIN(TestUnitStripsView)
#include "tst_unit_strips_view.moc"
