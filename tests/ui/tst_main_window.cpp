// The explorer window end to end: the real MainWindow, driven through its menus, toolbars, keys and
// views offscreen — open a model, type a primer, step and undo exactly, play/pause, write mode, select a unit
// in a heatmap, clamp a gate and remove it, export PNG/PDF/CSV, and the --screenshot command line.
#include "common/problem_text.h"
#include "common/dialogs.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "io/model_file.h"
#include "explore/example_lesson.h"
#include "main_window.h"
#include "opening/model_opener.h"
#include "training/training_panel.h"
#include "ui_test_models.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QFile>
#include <QImage>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace lstm;
using test::sameState;

class TestMainWindow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void startsOnTheBuiltInModelAlive();
  void opensAModelThroughTheMenu();
  void refusesACorruptModelAndKeepsTheOldOne();
  void typedPrimerStepAndBackExactly();
  void playAndPause();
  void writeModeSamples();
  void clickingAHeatmapSelectsTheUnit();
  void clampChangesTheNextValuesAndRemovingRestoresThem();
  void exportsFilesThatReadBack();
  void screenshotCommandLine();
  void dropAModelFileOpensIt();
  void recentFilesAndLayoutPersist();
  void aTrainedModelGoesToTheExplorer();

private:
  void trigger(const QString &actionName);
  QTemporaryDir m_dir;
  QString m_modelPath;
  std::unique_ptr<MainWindow> m_window;
  QStringList m_errors;
  QString m_nextPath;
};

void TestMainWindow::initTestCase() {
  QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location, not the user's
  m_modelPath = m_dir.filePath(QStringLiteral("random.lstm"));
  Problem error;
  QVERIFY2(saveModel(*test::randomCharModel(test::kTestAlphabet, 16, 2), m_modelPath, &error), qPrintable(problemText(error)));
}

void TestMainWindow::init() {
  m_errors.clear();
  dialogs::setHooks({[this](const QString &) { return m_nextPath; },
                     [this](const QString &, const QString &) { return m_nextPath; },
                     [this](const QString &text) { m_errors << text; }});
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1400, 900);
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup() {
  m_window.reset();
  dialogs::setHooks({});
}

void TestMainWindow::trigger(const QString &actionName) {
  auto *action = m_window->findChild<QAction *>(actionName);
  QVERIFY2(action, qPrintable(actionName));
  action->trigger();
}

void TestMainWindow::startsOnTheBuiltInModelAlive() {
  QVERIFY(m_window->openDefaultModel());
  ExplorerSession *session = m_window->session();
  QCOMPARE(session->modelSource(), ModelOpener::defaultModelPath());
  // The first launch is the counting lesson: its primer read to the end, its counting unit selected.
  const ExampleLesson lesson = *ExampleLesson::of(session->model());
  QCOMPARE(session->tapeText(), lesson.primer);
  QCOMPARE(session->steps(), int(lesson.primer.size()));
  QCOMPARE(session->cursor(), session->steps() - 1);
  QCOMPARE(session->selectedLayer(), lesson.layer);
  QCOMPARE(session->selectedUnit(), lesson.unit);
  QCOMPARE(session->selectedQuantity(), Quantity::Cell);
  QVERIFY(m_window->windowTitle().contains(QStringLiteral("01-parens.lstm")));
  QVERIFY(m_errors.isEmpty());
}

void TestMainWindow::opensAModelThroughTheMenu() {
  m_nextPath = m_modelPath;
  trigger(QStringLiteral("openAction"));
  ExplorerSession *session = m_window->session();
  QCOMPARE(session->modelSource(), m_modelPath);
  QCOMPARE(session->units(), 16);
  QCOMPARE(session->layers(), 2);
  QVERIFY(session->steps() > 0); // primed: the random model knows the primer's letters? if not it wrote
  QVERIFY(m_errors.isEmpty());
}

void TestMainWindow::refusesACorruptModelAndKeepsTheOldOne() {
  QVERIFY(m_window->openModel(m_modelPath));
  const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.lstm"));
  QFile file(corrupt);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("LSTMXPLR garbage");
  file.close();
  m_nextPath = corrupt;
  trigger(QStringLiteral("openAction"));
  QCOMPARE(m_errors.size(), 1);
  QVERIFY2(m_errors.front().startsWith(corrupt + QStringLiteral(": ")), qPrintable(m_errors.front()));
  QCOMPARE(m_window->session()->modelSource(), m_modelPath);
}

void TestMainWindow::typedPrimerStepAndBackExactly() {
  QVERIFY(m_window->openModel(m_modelPath));
  auto *edit = m_window->findChild<QPlainTextEdit *>(QStringLiteral("primerEdit"));
  QVERIFY(edit);
  edit->clear();
  QTest::keyClicks(edit, QStringLiteral("hello (world), ")); // typed
  edit->insertPlainText(QStringLiteral("春眠"));                // pasted (QTest types Latin-1 only)
  QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("replaceTextButton")), Qt::LeftButton);
  ExplorerSession *session = m_window->session();
  QCOMPARE(session->tapeText(), QStringLiteral("hello (world), 春眠"));
  QCOMPARE(session->steps(), 0);
  // The explorer's keys belong to a text field while it has focus: give it away first, as a user would.
  m_window->findChild<QWidget *>(QStringLiteral("textView"))->setFocus();
  std::vector<NetworkState> states{session->state()};
  for (int i = 0; i < 12; ++i) {
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    states.push_back(session->state());
  }
  QCOMPARE(session->steps(), 12);
  QTest::keyClick(m_window.get(), Qt::Key_Left); // inspects step 10: nothing is undone
  QCOMPARE(session->cursor(), 10);
  QVERIFY(sameState(session->state(), states[12]));
  QTest::keyClick(m_window.get(), Qt::Key_End);
  for (int k = 1; k <= 5; ++k) {
    QTest::keyClick(m_window.get(), Qt::Key_Backspace); // drops the last step, exactly
    QVERIFY(sameState(session->state(), states[std::size_t(12 - k)]));
  }
  QCOMPARE(session->steps(), 7);
  QCOMPARE(session->cursor(), 6);
}

void TestMainWindow::playAndPause() {
  QVERIFY(m_window->openModel(m_modelPath));
  ExplorerSession *session = m_window->session();
  QString text;
  for (int i = 0; i < 200; ++i)
    text += QStringLiteral("abc def. ");
  QVERIFY(m_window->modelOpener()->readText(text, 0, nullptr));
  session->setPlayRate(500);
  trigger(QStringLiteral("playAction"));
  QVERIFY(session->playing());
  QTRY_VERIFY(session->steps() > 50);
  trigger(QStringLiteral("playAction"));
  QVERIFY(!session->playing());
  const int stopped = session->steps();
  QSignalSpy changes(session, &ExplorerSession::traceChanged);
  QVERIFY(!changes.wait(200)); // no more steps once paused
  QCOMPARE(session->steps(), stopped);
}

void TestMainWindow::writeModeSamples() {
  QVERIFY(m_window->openModel(m_modelPath));
  ExplorerSession *session = m_window->session();
  auto *mode = m_window->findChild<QComboBox *>(QStringLiteral("modeCombo"));
  QVERIFY(mode);
  mode->setCurrentIndex(mode->findText(QStringLiteral("Write")));
  QCOMPARE(session->mode(), DriveMode::Write);
  const int before = session->steps();
  for (int i = 0; i < 30; ++i)
    trigger(QStringLiteral("stepForwardAction"));
  QCOMPARE(session->steps(), before + 30);
  QCOMPARE(session->tapeLength(), before + 30); // each written character was appended
}

void TestMainWindow::clickingAHeatmapSelectsTheUnit() {
  QVERIFY(m_window->openModel(m_modelPath));
  QVERIFY(m_window->modelOpener()->readText(QStringLiteral("some text to read (and brackets)"), -1, nullptr));
  m_window->flushRedraws();
  auto *heatmap = m_window->findChild<GateHeatmapView *>(QStringLiteral("gateHeatmapView"));
  QVERIFY(heatmap);
  const QRect cell = heatmap->cellRect(Quantity::Cell, 10, 11);
  QVERIFY2(cell.isValid(), "cell visible");
  QWidget *target = heatmap->childAt(cell.center());
  QVERIFY(target);
  QTest::mouseClick(target, Qt::LeftButton, {}, target->mapFrom(heatmap, cell.center()));
  ExplorerSession *session = m_window->session();
  QCOMPARE(session->selectedUnit(), 11);
  QCOMPARE(session->cursor(), 10);
}

void TestMainWindow::clampChangesTheNextValuesAndRemovingRestoresThem() {
  QVERIFY(m_window->openModel(m_modelPath));
  QVERIFY(m_window->modelOpener()->readText(QStringLiteral("the forget gate decides what to keep"), 10, nullptr));
  ExplorerSession *session = m_window->session();
  session->selectUnit(0, 4);
  const Trace &trace = session->trace();
  trigger(QStringLiteral("stepForwardAction"));
  const float normalF = trace.value(0, Quantity::ForgetGate, 10, 4);
  const float normalC = trace.value(0, Quantity::Cell, 10, 4);
  trigger(QStringLiteral("dropLastStepAction"));

  auto *kind = m_window->findChild<QComboBox *>(QStringLiteral("interventionKindCombo"));
  kind->setCurrentIndex(kind->findText(QStringLiteral("Clamp forget gate f")));
  m_window->findChild<QDoubleSpinBox *>(QStringLiteral("interventionValueSpin"))->setValue(0.0);
  QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addInterventionButton")), Qt::LeftButton);
  QCOMPARE(session->interventions().size(), std::size_t(1));
  trigger(QStringLiteral("stepForwardAction"));
  QCOMPARE(trace.value(0, Quantity::ForgetGate, 10, 4), 0.0f);
  QVERIFY(trace.value(0, Quantity::Cell, 10, 4) != normalC);
  QCOMPARE(trace.value(0, Quantity::Cell, 10, 4),
           trace.value(0, Quantity::InputGate, 10, 4) * trace.value(0, Quantity::CandidateGate, 10, 4));
  trigger(QStringLiteral("dropLastStepAction"));

  auto *list = m_window->findChild<QWidget *>(QStringLiteral("interventionList"));
  QVERIFY(list);
  QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("clearInterventionsButton")), Qt::LeftButton);
  QVERIFY(session->interventions().empty());
  trigger(QStringLiteral("stepForwardAction"));
  QCOMPARE(trace.value(0, Quantity::ForgetGate, 10, 4), normalF);
  QCOMPARE(trace.value(0, Quantity::Cell, 10, 4), normalC);
}

void TestMainWindow::exportsFilesThatReadBack() {
  QVERIFY(m_window->openModel(m_modelPath));
  QVERIFY(m_window->modelOpener()->readText(QStringLiteral("export me, please"), -1, nullptr));
  m_window->flushRedraws();
  const struct {
    const char *action, *file;
  } images[] = {{"exportHeatmapsAction", "heatmaps.png"}, {"exportHeatmapsAction", "heatmaps.pdf"},
                {"exportTracesAction", "traces.png"},     {"exportTracesAction", "traces.pdf"},
                {"exportDistributionAction", "next.png"}, {"exportDistributionAction", "next.pdf"},
                {"exportWindowAction", "window.png"}};
  for (const auto &image : images) {
    m_nextPath = m_dir.filePath(QString::fromLatin1(image.file));
    trigger(QString::fromLatin1(image.action));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    QFile file(m_nextPath);
    QVERIFY2(file.open(QIODevice::ReadOnly), image.file);
    const QByteArray bytes = file.readAll();
    if (m_nextPath.endsWith(QStringLiteral(".pdf"))) {
      QVERIFY2(bytes.startsWith("%PDF-") && bytes.size() > 1000, image.file);
    } else {
      const QImage loaded = QImage::fromData(bytes, "PNG");
      QVERIFY2(!loaded.isNull() && loaded.width() > 100 && loaded.height() > 100, image.file);
    }
  }
  m_nextPath = m_dir.filePath(QStringLiteral("trace.csv"));
  trigger(QStringLiteral("exportCsvAction"));
  QFile csv(m_nextPath);
  QVERIFY(csv.open(QIODevice::ReadOnly));
  const QList<QByteArray> lines = csv.readAll().split('\n');
  QCOMPARE(lines.front(), QByteArray("step,char,layer,unit,i,f,g,o,c,h"));
  QCOMPARE(lines.size(), 1 + 17 * 2 * 16 + 1); // header, rows, and the empty piece after the final newline
  // A failing export says so, naming the file.
  m_nextPath = QStringLiteral("/nonexistent-dir/x.png");
  trigger(QStringLiteral("exportHeatmapsAction"));
  QCOMPARE(m_errors.size(), 1);
  QVERIFY2(m_errors.front().startsWith(m_nextPath), qPrintable(m_errors.front()));
}

void TestMainWindow::screenshotCommandLine() {
  const QString png = m_dir.filePath(QStringLiteral("shot.png"));
  QProcess process;
  process.start(QStringLiteral(LSTM_GUI_PATH),
                {QStringLiteral("--screenshot"), png, QStringLiteral("--model"), QStringLiteral(":/models/default.lstm"),
                 QStringLiteral("--text"), QStringLiteral("Hello there, general."),
                 QStringLiteral("--steps"), QStringLiteral("15"), QStringLiteral("--size"), QStringLiteral("1200x800"),
                 QStringLiteral("--select"), QStringLiteral("1:3"), QStringLiteral("--colour"), QStringLiteral("f")});
  QVERIFY(process.waitForFinished(60000));
  QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
  const QImage image(png);
  QCOMPARE(image.size(), QSize(1200, 800));
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7)
    for (int x = 0; x < image.width(); x += 7)
      colours.insert(image.pixel(x, y));
  QVERIFY2(colours.size() > 50, "a rendered window, not a blank image");

  for (const QStringList &wrong : {QStringList{QStringLiteral("--select"), QStringLiteral("5:0")},
                                   QStringList{QStringLiteral("--colour"), QStringLiteral("x")},
                                   QStringList{QStringLiteral("--size"), QStringLiteral("big")}}) {
    QProcess refused;
    refused.start(QStringLiteral(LSTM_GUI_PATH), QStringList{QStringLiteral("--screenshot"), png} + wrong);
    QVERIFY(refused.waitForFinished(60000));
    QCOMPARE(refused.exitCode(), 1);
    QVERIFY2(refused.readAllStandardError().contains(wrong.front().toUtf8()), qPrintable(wrong.join(QLatin1Char(' '))));
  }

  QProcess bad;
  bad.start(QStringLiteral(LSTM_GUI_PATH), {QStringLiteral("--screenshot"), png, QStringLiteral("--model"),
                                             m_dir.filePath(QStringLiteral("missing.lstm"))});
  QVERIFY(bad.waitForFinished(60000));
  QCOMPARE(bad.exitCode(), 1);
  QVERIFY(bad.readAllStandardError().contains("missing.lstm"));
}

void TestMainWindow::dropAModelFileOpensIt() {
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(m_modelPath)});
  const QPointF centre(m_window->width() / 2.0, m_window->height() / 2.0);
  QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(m_window.get(), &enter);
  QVERIFY(enter.isAccepted());
  QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(m_window.get(), &drop);
  QCOMPARE(m_window->session()->modelSource(), m_modelPath);
}

void TestMainWindow::recentFilesAndLayoutPersist() {
  QVERIFY(m_window->openModel(m_modelPath));
  auto *equations = m_window->findChild<QDockWidget *>(QStringLiteral("equationsDock"));
  QVERIFY(equations);
  equations->toggleViewAction()->trigger(); // the user closes a panel
  const bool shown = equations->isVisible();
  m_window->close();
  m_window = std::make_unique<MainWindow>();
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  QCOMPARE(m_window->findChild<QDockWidget *>(QStringLiteral("equationsDock"))->isVisible(), shown);
  QMenu *recent = nullptr;
  for (QMenu *menu : m_window->findChildren<QMenu *>())
    if (menu->title().contains(QStringLiteral("recent")))
      recent = menu;
  QVERIFY(recent);
  QVERIFY(!recent->actions().isEmpty());
  QVERIFY(recent->actions().front()->text().contains(QStringLiteral("random.lstm")));
  recent->actions().front()->trigger();
  QCOMPARE(m_window->session()->modelSource(), QFileInfo(m_modelPath).absoluteFilePath());
}

void TestMainWindow::aTrainedModelGoesToTheExplorer() {
  auto *panel = m_window->findChild<TrainingPanel *>(QStringLiteral("trainingPanel"));
  QVERIFY(panel);
  const auto trained = test::randomCharModel(test::kTestAlphabet, 8, 1, 99);
  Q_EMIT panel->modelTrained(trained);
  ExplorerSession *session = m_window->session();
  QCOMPARE(session->sharedModel(), trained);
  QVERIFY(session->steps() > 0); // primed at once, like any opened model
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
