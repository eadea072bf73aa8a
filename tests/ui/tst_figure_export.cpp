// exportFigure (figures for slides): PNG of exactly the asked size and not blank, clean style without
// toolbars or controls and with everything hidden shown again, SVG that loads, complete PDF pages, the clipboard,
// errors that name the path, Chinese text and fonts that scale with the figure.
#include "common/figure_export.h"
#include "explorer/explorer_session.h"
#include "explorer/next_token_view.h"
#include "explorer/unit_trace_view.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QtSvg/QSvgRenderer> // lstm_ui links Qt6::Svg privately: its include path is not the tests'
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <cmath>

using namespace lstm;

namespace {

const QColor kToolbarColor(255, 0, 255);   // nothing else in the window is this magenta
const QColor kButtonColor(0, 255, 0);      // nor this green
const QString kChinese = QStringLiteral("春眠不觉晓");

double variance(const QImage &image) {
  double sum = 0, sumSquares = 0;
  const int n = image.width() * image.height();
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const double v = qGray(image.pixel(x, y));
      sum += v;
      sumSquares += v * v;
    }
  return sumSquares / n - (sum / n) * (sum / n);
}

// Pixels within a small distance of `color` (styles shade button fills slightly).
int countColor(const QImage &image, const QColor &color) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QRgb p = image.pixel(x, y);
      count += std::abs(qRed(p) - color.red()) + std::abs(qGreen(p) - color.green()) + std::abs(qBlue(p) - color.blue()) < 100;
    }
  return count;
}

// Bounding box of the pixels darker than mid-grey.
QRect inkBox(const QImage &image) {
  QRect box;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (qGray(image.pixel(x, y)) < 128)
        box |= QRect(x, y, 1, 1);
  return box;
}

// Visibility and geometry of every widget under `root`, to see that an export left the UI as it was.
QStringList uiState(QWidget *root) {
  QStringList state;
  for (QWidget *widget : root->findChildren<QWidget *>()) {
    const QRect g = widget->geometry();
    state << QStringLiteral("%1/%2 %3 %4,%5 %6x%7")
                 .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())
                 .arg(widget->isHidden())
                 .arg(g.x()).arg(g.y()).arg(g.width()).arg(g.height());
  }
  return state;
}

} // namespace

class TestFigureExport : public QObject {
  Q_OBJECT

  std::unique_ptr<ExplorerSession> m_session;
  std::unique_ptr<QMainWindow> m_window;
  UnitTraceView *m_traces = nullptr;
  NextTokenView *m_next = nullptr;
  QLabel *m_chinese = nullptr;
  QPushButton *m_addButton = nullptr;
  QTemporaryDir m_dir;

  QString path(const QString &name) const { return m_dir.filePath(name); }

  QImage exportPng(QWidget *target, const FigureOptions &options, const QString &name) {
    QString error;
    if (!exportFigure(target, path(name), options, &error))
      qWarning("%s", qPrintable(error));
    return QImage(path(name));
  }

private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_session = std::make_unique<ExplorerSession>();
    m_session->setModel(test::randomCharModel(test::kTestAlphabet, 16), QStringLiteral("test"));
    QString error;
    QVERIFY2(m_session->setText(test::makeText(300) + kChinese, &error), qPrintable(error));
    m_session->setMode(DriveMode::Read);
    QCOMPARE(m_session->stepMany(200), 200);

    m_window = std::make_unique<QMainWindow>();
    m_window->setWindowTitle(QStringLiteral("figure test"));
    m_window->menuBar()->addMenu(QStringLiteral("File"));
    auto *toolbar = m_window->addToolBar(QStringLiteral("tools"));
    toolbar->setObjectName(QStringLiteral("magentaToolbar"));
    toolbar->setStyleSheet(QStringLiteral("background: %1").arg(kToolbarColor.name()));
    toolbar->addAction(QStringLiteral("Run"));
    m_window->statusBar()->showMessage(QStringLiteral("ready"));
    m_chinese = new QLabel(kChinese);
    m_chinese->setObjectName(QStringLiteral("chineseLabel"));
    m_chinese->setAlignment(Qt::AlignCenter);
    QFont big = m_chinese->font();
    big.setPointSize(28);
    m_chinese->setFont(big);
    m_window->setCentralWidget(m_chinese);
    m_traces = new UnitTraceView(m_session.get());
    m_next = new NextTokenView(m_session.get());
    auto *traceDock = new QDockWidget(QStringLiteral("Unit traces"), m_window.get());
    traceDock->setObjectName(QStringLiteral("unitTraceDock"));
    traceDock->setWidget(m_traces);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, traceDock);
    auto *nextDock = new QDockWidget(QStringLiteral("Next character"), m_window.get());
    nextDock->setObjectName(QStringLiteral("nextTokenDock"));
    nextDock->setWidget(m_next);
    m_window->addDockWidget(Qt::RightDockWidgetArea, nextDock);
    m_addButton = test::child<QPushButton>(m_traces, "addUnitButton");
    m_addButton->setStyleSheet(QStringLiteral("background: %1").arg(kButtonColor.name()));
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_traces->refreshNow();
    m_next->refreshNow();
  }

  void cleanupTestCase() {
    m_window.reset();
    m_session.reset();
  }

  void formatForPath_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format"); // −1: not a figure format
    QTest::newRow("png") << QStringLiteral("/tmp/a.png") << int(FigureFormat::Png);
    QTest::newRow("upper-case") << QStringLiteral("a.PNG") << int(FigureFormat::Png);
    QTest::newRow("svg") << QStringLiteral("dir.x/b.svg") << int(FigureFormat::Svg);
    QTest::newRow("pdf") << QStringLiteral("c.Pdf") << int(FigureFormat::Pdf);
    QTest::newRow("jpeg") << QStringLiteral("d.jpg") << -1;
    QTest::newRow("none") << QStringLiteral("figure") << -1;
  }
  void formatForPath() {
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto found = figureFormatForPath(path);
    QCOMPARE(found ? int(*found) : -1, format);
  }

  void pngHasTheAskedSize_data() {
    QTest::addColumn<bool>("window");
    QTest::addColumn<bool>("clean");
    QTest::addColumn<QSize>("size");
    QTest::newRow("window 1920x1080") << true << false << QSize(1920, 1080);
    QTest::newRow("window clean 1920x1080") << true << true << QSize(1920, 1080);
    QTest::newRow("view 3840x2160") << false << false << QSize(3840, 2160);
    QTest::newRow("view clean tall 333x777") << false << true << QSize(333, 777);
  }
  void pngHasTheAskedSize() {
    QFETCH(bool, window);
    QFETCH(bool, clean);
    QFETCH(QSize, size);
    FigureOptions options;
    options.pixelSize = size;
    options.clean = clean;
    const QImage image = exportPng(window ? static_cast<QWidget *>(m_window.get()) : m_traces, options,
                                   QStringLiteral("sized.png"));
    QCOMPARE(image.size(), size);
    QVERIFY2(variance(image) > 100, "the figure is blank");
  }

  void scaleMultipliesTheSourceSize() {
    FigureOptions options;
    options.scale = 2.0;
    const QImage image = exportPng(m_next, options, QStringLiteral("scaled.png"));
    QCOMPARE(image.size(), m_next->size() * 2);
    QCOMPARE(figureSourceSize(m_next, false), m_next->size());
  }

  void cleanLeavesOutChromeAndPaintsOnWhite() {
    FigureOptions options;
    options.pixelSize = QSize(1920, 1080);
    const QImage normal = exportPng(m_window.get(), options, QStringLiteral("normal.png"));
    options.clean = true;
    const QImage clean = exportPng(m_window.get(), options, QStringLiteral("clean.png"));
    QVERIFY(countColor(normal, kToolbarColor) > 100);
    QCOMPARE(countColor(clean, kToolbarColor), 0);
    QVERIFY(countColor(normal, kButtonColor) > 20);
    QCOMPARE(countColor(clean, kButtonColor), 0);
    QVERIFY(normal != clean);
    QCOMPARE(clean.pixelColor(0, 0), QColor(Qt::white));
    // The clean window is the box around its contents: below the menu bar and toolbar, above the status bar.
    const QSize content = figureSourceSize(m_window.get(), true);
    QVERIFY(content.height() < m_window->height() - m_window->statusBar()->height());
    QVERIFY(content.width() <= m_window->width());
  }

  void cleanViewDropsItsControls() {
    FigureOptions options;
    options.scale = 1.0;
    QVERIFY(countColor(exportPng(m_traces, options, QStringLiteral("view.png")), kButtonColor) > 20);
    options.clean = true;
    QCOMPARE(countColor(exportPng(m_traces, options, QStringLiteral("view-clean.png")), kButtonColor), 0);
  }

  void cleanExportRestoresTheUi() {
    auto *topK = test::child<QWidget>(m_next, "topKSpin"); // a control the clean export hides
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    topK->setFocus();
    QTRY_VERIFY(topK->hasFocus());
    QWidget *hiddenBefore = test::child<QWidget>(m_traces, "removeUnitButton");
    const bool removeHidden = hiddenBefore->isHidden();
    const QStringList before = uiState(m_window.get());
    FigureOptions options;
    options.clean = true;
    options.pixelSize = QSize(800, 600);
    for (QWidget *target : {static_cast<QWidget *>(m_window.get()), static_cast<QWidget *>(m_traces)})
      QVERIFY(!exportPng(target, options, QStringLiteral("restore.png")).isNull());
    QCOMPARE(uiState(m_window.get()), before);
    QVERIFY(topK->hasFocus());
    QCOMPARE(hiddenBefore->isHidden(), removeHidden);
    QCoreApplication::processEvents(); // the layout requests the export posted change nothing either
    QCOMPARE(uiState(m_window.get()), before);
  }

  void svgLoads() {
    FigureOptions options;
    options.format = FigureFormat::Svg;
    options.title = QStringLiteral("traces");
    QString error;
    QVERIFY2(exportFigure(m_window.get(), path(QStringLiteral("window.svg")), options, &error), qPrintable(error));
    QSvgRenderer renderer(path(QStringLiteral("window.svg")));
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(), m_window->size()));
    QFile file(path(QStringLiteral("window.svg")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QVERIFY(svg.contains(QStringLiteral("<title>traces</title>")));
    QVERIFY2(svg.contains(kChinese), "the Chinese label is text in the drawing");
  }

  void pdfIsComplete() {
    FigureOptions options;
    options.format = FigureFormat::Pdf;
    options.clean = true;
    QString error;
    QVERIFY2(exportFigure(m_traces, path(QStringLiteral("view.pdf")), options, &error), qPrintable(error));
    QFile file(path(QStringLiteral("view.pdf")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QVERIFY2(pdf.size() > 5000, QByteArray::number(pdf.size()).constData());
  }

  void clipboardHoldsTheImage() {
    QGuiApplication::clipboard()->clear();
    FigureOptions options;
    options.format = FigureFormat::Clipboard;
    options.pixelSize = QSize(640, 360);
    QString error;
    QVERIFY2(exportFigure(m_next, QString(), options, &error), qPrintable(error));
    const QImage image = QGuiApplication::clipboard()->image();
    QCOMPARE(image.size(), QSize(640, 360));
    QVERIFY(variance(image) > 100);
  }

  void unwritablePathIsNamed_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("png") << int(FigureFormat::Png);
    QTest::newRow("svg") << int(FigureFormat::Svg);
    QTest::newRow("pdf") << int(FigureFormat::Pdf);
  }
  void unwritablePathIsNamed() {
    QFETCH(int, format);
    FigureOptions options;
    options.format = FigureFormat(format);
    const QString target = path(QStringLiteral("no-such-dir/figure.") + figureSuffix(options.format));
    QString error;
    QVERIFY(!exportFigure(m_traces, target, options, &error));
    QVERIFY2(error.startsWith(target + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!QFile::exists(target));
  }

  void oversizedImageIsRefused() {
    FigureOptions options;
    options.pixelSize = QSize(kMaxFigureSide + 1, 100);
    QString error;
    QVERIFY(!exportFigure(m_traces, path(QStringLiteral("huge.png")), options, &error));
    QVERIFY2(error.startsWith(path(QStringLiteral("huge.png")) + QStringLiteral(": ")), qPrintable(error));
  }

  // Missing glyphs come out as identical boxes; the CJK fallback draws two different characters differently.
  void chineseTextRenders() {
    QLabel first(kChinese.left(1));
    QLabel second(kChinese.mid(1, 1));
    for (QLabel *label : {&first, &second}) {
      label->setFont(m_chinese->font());
      label->setAlignment(Qt::AlignCenter);
      label->resize(80, 80);
    }
    FigureOptions options;
    options.clean = true;
    const QImage a = renderFigure(&first, options);
    const QImage b = renderFigure(&second, options);
    QVERIFY(!inkBox(a).isEmpty());
    QVERIFY(!inkBox(b).isEmpty());
    QVERIFY(a != b);
  }

  // Text is laid out in the widget's units and scaled with the figure: twice the scale, twice the letters.
  void fontsScaleWithTheFigure() {
    FigureOptions options;
    options.clean = true;
    const QRect once = inkBox(renderFigure(m_chinese, options));
    options.scale = 2.0;
    const QRect twice = inkBox(renderFigure(m_chinese, options));
    QVERIFY(!once.isEmpty());
    QVERIFY2(std::abs(twice.width() - 2 * once.width()) <= 3, qPrintable(QStringLiteral("%1 vs %2").arg(twice.width()).arg(once.width())));
    QVERIFY(std::abs(twice.height() - 2 * once.height()) <= 3);
  }

  // Not a check: the figures a person looks at, written to LSTM_VIEW_PNG_DIR when it is set.
  void saveSamples() {
    const QString dir = qEnvironmentVariable("LSTM_VIEW_PNG_DIR");
    if (dir.isEmpty())
      QSKIP("set LSTM_VIEW_PNG_DIR to keep the sample figures");
    FigureOptions options;
    options.clean = true;
    options.pixelSize = QSize(1920, 1080);
    QString error;
    QVERIFY2(exportFigure(m_window.get(), dir + QStringLiteral("/figure_window.png"), options, &error), qPrintable(error));
    options.pixelSize = QSize(1600, 900);
    QVERIFY2(exportFigure(m_traces, dir + QStringLiteral("/figure_view.png"), options, &error), qPrintable(error));
    options.clean = false;
    QVERIFY2(exportFigure(m_window.get(), dir + QStringLiteral("/figure_window_normal.png"), options, &error), qPrintable(error));
  }
};

QTEST_MAIN(TestFigureExport)
#include "tst_figure_export.moc"
