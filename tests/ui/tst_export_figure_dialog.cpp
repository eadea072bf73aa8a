// ExportFigureDialog (figures for slides): lists the window and its visible docks, sizes with presets and
// the aspect ratio kept, and drives an export end to end through the dialogs hooks: PNG of the chosen size, SVG,
// the clipboard, a cancelled path, and an unwritable path reported once by name with the dialog left open.
#include "common/dialogs.h"
#include "common/export_figure_dialog.h"
#include "explorer/explorer_session.h"
#include "explorer/next_token_view.h"
#include "explorer/unit_trace_view.h"
#include "ui_test_helpers.h"
#include "ui_test_models.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSpinBox>
#include <QtSvg/QSvgRenderer> // lstm_ui links Qt6::Svg privately: its include path is not the tests'
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace lstm;
using test::child;

class TestExportFigureDialog : public QObject {
  Q_OBJECT

  std::unique_ptr<ExplorerSession> m_session;
  std::unique_ptr<QMainWindow> m_window;
  QDockWidget *m_hiddenDock = nullptr;
  QTemporaryDir m_dir;
  QStringList m_errors;
  QStringList m_askedSuggestions;
  QString m_answer; // what the save dialog answers

  QString path(const QString &name) const { return m_dir.filePath(name); }

  QDockWidget *addDock(QWidget *view, const QString &title, const QString &name, Qt::DockWidgetArea area) {
    auto *dock = new QDockWidget(title, m_window.get());
    dock->setObjectName(name);
    dock->setWidget(view);
    m_window->addDockWidget(area, dock);
    return dock;
  }

  // Sets the controls through the keyboard and mouse, as a person would, then presses Export.
  static void choose(ExportFigureDialog &dialog, int target, int format, bool clean) {
    child<QComboBox>(&dialog, "figureTargetCombo")->setCurrentIndex(target);
    child<QComboBox>(&dialog, "figureFormatCombo")->setCurrentIndex(format);
    auto *cleanCheck = child<QCheckBox>(&dialog, "figureCleanCheck");
    if (cleanCheck->isChecked() != clean)
      QTest::mouseClick(cleanCheck, Qt::LeftButton, {}, QPoint(6, cleanCheck->height() / 2));
  }
  static void setSize(ExportFigureDialog &dialog, int width, int height) {
    auto *aspect = child<QCheckBox>(&dialog, "figureAspectCheck");
    if (aspect->isChecked())
      QTest::mouseClick(aspect, Qt::LeftButton, {}, QPoint(6, aspect->height() / 2));
    for (auto [name, value] : {std::pair{"figureWidthSpin", width}, std::pair{"figureHeightSpin", height}}) {
      auto *spin = child<QSpinBox>(&dialog, name);
      spin->selectAll();
      QTest::keyClicks(spin, QString::number(value));
      QCOMPARE(spin->value(), value);
    }
  }
  static void pressExport(ExportFigureDialog &dialog) {
    QTest::mouseClick(child<QPushButton>(&dialog, "figureExportButton"), Qt::LeftButton);
  }

private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_session = std::make_unique<ExplorerSession>();
    m_session->setModel(test::randomCharModel(test::kTestAlphabet, 8), QStringLiteral("test"));
    QString error;
    QVERIFY2(m_session->setText(test::makeText(120), &error), qPrintable(error));
    m_session->setMode(DriveMode::Read);
    QCOMPARE(m_session->stepMany(100), 100);
    m_window = std::make_unique<QMainWindow>();
    m_window->addToolBar(QStringLiteral("tools"))->addAction(QStringLiteral("Run"));
    m_window->setCentralWidget(new QLabel(QStringLiteral("春眠不觉晓")));
    addDock(new UnitTraceView(m_session.get()), QStringLiteral("Unit traces"), QStringLiteral("unitTraceDock"),
            Qt::BottomDockWidgetArea);
    addDock(new NextTokenView(m_session.get()), QStringLiteral("Next character"), QStringLiteral("nextTokenDock"),
            Qt::RightDockWidgetArea);
    m_hiddenDock = addDock(new QLabel(QStringLiteral("hidden")), QStringLiteral("Hidden"), QStringLiteral("hiddenDock"),
                           Qt::LeftDockWidgetArea);
    m_hiddenDock->hide();
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  }

  void init() {
    m_errors.clear();
    m_askedSuggestions.clear();
    m_answer.clear();
    dialogs::Hooks hooks;
    hooks.saveFile = [this](const QString &, const QString &suggested) {
      m_askedSuggestions << suggested;
      return m_answer;
    };
    hooks.error = [this](const QString &text) { m_errors << text; };
    dialogs::setHooks(hooks);
  }
  void cleanup() { dialogs::setHooks({}); }
  void cleanupTestCase() {
    m_window.reset();
    m_session.reset();
  }

  void listsTheWindowAndVisibleDocks() {
    ExportFigureDialog dialog(m_window.get());
    auto *targets = child<QComboBox>(&dialog, "figureTargetCombo");
    QCOMPARE(targets->count(), 3);
    QCOMPARE(targets->itemData(0).toString(), QString());
    QStringList names{targets->itemData(1).toString(), targets->itemData(2).toString()};
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("nextTokenDock"), QStringLiteral("unitTraceDock")}));
    QVERIFY(targets->findText(QStringLiteral("Unit traces")) > 0);
    QCOMPARE(dialog.targetWidget(), static_cast<QWidget *>(m_window.get()));
    QVERIFY(dialog.selectTarget(QStringLiteral("nextTokenDock")));
    QCOMPARE(dialog.targetWidget()->objectName(), QStringLiteral("nextTokenView"));
    QVERIFY(!dialog.selectTarget(QStringLiteral("hiddenDock")));
  }

  void sizePresetsKeepTheAspect() {
    ExportFigureDialog dialog(m_window.get());
    auto *width = child<QSpinBox>(&dialog, "figureWidthSpin");
    auto *height = child<QSpinBox>(&dialog, "figureHeightSpin");
    auto *aspect = child<QCheckBox>(&dialog, "figureAspectCheck");
    QVERIFY(aspect->isChecked());
    const QSize source = figureSourceSize(m_window.get(), dialog.options().clean);
    QTest::mouseClick(child<QPushButton>(&dialog, "figureCurrentSizeButton"), Qt::LeftButton);
    QCOMPARE(QSize(width->value(), height->value()), source);
    width->selectAll();
    QTest::keyClicks(width, QStringLiteral("2000"));
    QCOMPARE(height->value(), qRound(2000.0 * source.height() / source.width()));
    QTest::mouseClick(child<QPushButton>(&dialog, "figurePresetHdButton"), Qt::LeftButton);
    QVERIFY(width->value() <= 1920 && height->value() <= 1080);
    QVERIFY(width->value() == 1920 || height->value() == 1080);
    QTest::mouseClick(aspect, Qt::LeftButton, {}, QPoint(6, aspect->height() / 2));
    QVERIFY(!aspect->isChecked());
    QTest::mouseClick(child<QPushButton>(&dialog, "figurePresetUhdButton"), Qt::LeftButton);
    QCOMPARE(QSize(width->value(), height->value()), QSize(3840, 2160));
    // Vector formats have no pixel size.
    child<QComboBox>(&dialog, "figureFormatCombo")->setCurrentIndex(int(FigureFormat::Svg));
    QVERIFY(!width->isEnabled());
    QVERIFY(dialog.options().pixelSize.isEmpty());
  }

  void exportsPngThroughTheHooks() {
    m_answer = path(QStringLiteral("traces")); // no extension: the chosen format's is added
    int result = -1;
    dialogs::Hooks hooks;
    hooks.saveFile = [this](const QString &, const QString &suggested) {
      m_askedSuggestions << suggested;
      return m_answer;
    };
    hooks.error = [this](const QString &text) { m_errors << text; };
    hooks.exec = [&](QDialog &shown) {
      auto &dialog = static_cast<ExportFigureDialog &>(shown);
      choose(dialog, 1, int(FigureFormat::Png), true);
      setSize(dialog, 800, 450);
      pressExport(dialog);
      return dialog.result();
    };
    dialogs::setHooks(hooks);
    ExportFigureDialog dialog(m_window.get());
    result = dialogs::exec(dialog);
    QCOMPARE(result, int(QDialog::Accepted));
    QVERIFY(m_errors.isEmpty());
    QCOMPARE(m_askedSuggestions.size(), 1);
    QVERIFY(m_askedSuggestions.first().endsWith(QStringLiteral(".png")));
    QCOMPARE(dialog.lastPath(), path(QStringLiteral("traces.png")));
    const QImage image(path(QStringLiteral("traces.png")));
    QCOMPARE(image.size(), QSize(800, 450));
  }

  void exportsSvgByItsName() {
    ExportFigureDialog dialog(m_window.get());
    choose(dialog, 0, int(FigureFormat::Png), false);
    m_answer = path(QStringLiteral("window.svg")); // the name says SVG: it wins over the combo
    pressExport(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(QSvgRenderer(path(QStringLiteral("window.svg"))).isValid());
  }

  void copiesWithoutAskingForAPath() {
    QGuiApplication::clipboard()->clear();
    ExportFigureDialog dialog(m_window.get());
    choose(dialog, 2, int(FigureFormat::Clipboard), true);
    setSize(dialog, 320, 200);
    pressExport(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(m_askedSuggestions.isEmpty());
    QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(320, 200));
  }

  void cancelledPathKeepsTheDialogOpen() {
    ExportFigureDialog dialog(m_window.get());
    dialog.show();
    m_answer.clear();
    pressExport(dialog);
    QCOMPARE(m_askedSuggestions.size(), 1);
    QVERIFY(dialog.isVisible());
    QVERIFY(m_errors.isEmpty());
  }

  void unwritablePathIsReportedOnce() {
    ExportFigureDialog dialog(m_window.get());
    dialog.show();
    choose(dialog, 1, int(FigureFormat::Pdf), true);
    m_answer = path(QStringLiteral("missing/dir/figure.pdf"));
    pressExport(dialog);
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().startsWith(m_answer + QStringLiteral(": ")), qPrintable(m_errors.first()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.lastPath(), QString());
  }

  void retranslatesInPlace() {
    ExportFigureDialog dialog(m_window.get());
    QVERIFY(dialog.selectTarget(QStringLiteral("unitTraceDock")));
    auto *formats = child<QComboBox>(&dialog, "figureFormatCombo");
    formats->setCurrentIndex(int(FigureFormat::Pdf));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&dialog, &change);
    QCOMPARE(formats->currentIndex(), int(FigureFormat::Pdf));
    QCOMPARE(formats->count(), 4);
    QVERIFY(!formats->itemText(3).isEmpty());
    QCOMPARE(dialog.targetWidget()->objectName(), QStringLiteral("unitTraceView"));
    QVERIFY(!dialog.windowTitle().isEmpty());
  }
};

QTEST_MAIN(TestExportFigureDialog)
#include "tst_export_figure_dialog.moc"
