// A newcomer's first minute in the real MainWindow, from a first launch (fresh settings), with real clicks and
// keys and no focus set by the test: the guide shows over the window without taking the keys, fits a 1024×700
// projector, starts the first lesson and stays away once dismissed; Help shows it again and a user guide in both
// languages; the inspected character is outlined and follows ← →; what the model wrote looks unlike what it read;
// a language round trip leaves no English in the Chinese cell diagram, exported figures included; File ▸ Open the
// built-in model opens the README's 2 × 128 model.
#include "common/dialogs.h"
#include "common/figure_export.h"
#include "common/language.h"
#include "explorer/cell_diagram_view.h"
#include "explorer/explorer_session.h"
#include "explorer/text_view.h"
#include "first_launch_window.h"
#include "guide/first_launch_guide.h"
#include "guide/user_guide_dialog.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "main_window.h"
#include "model/model.h"
#include "opening/model_opener.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>

#include <cmath>
#include <memory>

using namespace lstm;

namespace {

bool isOrange(QColor colour) {
  return std::abs(colour.red() - 230) < 30 && std::abs(colour.green() - 110) < 30 && colour.blue() < 40;
}

bool hasColourInRow(const QImage &image, int y, int left, int right, QColor wanted) {
  for (int x = left; x <= right; ++x)
    if (image.pixelColor(x, y) == wanted)
      return true;
  return false;
}

// The text runs of an SVG figure, in order (a label mixing scripts is split into a run per font).
QStringList svgTexts(const QByteArray &svg) {
  QStringList texts;
  const QRegularExpression element(QStringLiteral("<text[^>]*>([^<]*)</text>"));
  for (auto it = element.globalMatch(QString::fromUtf8(svg)); it.hasNext();)
    texts << it.next().captured(1);
  return texts;
}

// Latin words of two letters or more; "tanh" is a function's name in both languages.
QStringList englishWords(const QStringList &texts) {
  QStringList words;
  const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
  for (const QString &text : texts)
    for (auto it = word.globalMatch(text); it.hasNext();)
      if (const QString w = it.next().captured(0); w != QStringLiteral("tanh"))
        words << w;
  return words;
}

} // namespace

class TestFirstMinute : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init();
  void cleanup();
  void guideShowsAtFirstLaunchAndNotAfterDismissal();
  void keysStepWhileTheGuideShows();
  void guideStartsTheFirstLesson();
  void guideFitsAProjector();
  void helpShowsTheGuideAndAUserGuideInBothLanguages();
  void inspectedCharacterIsOutlinedAndFollowsTheArrows();
  void writtenTextIsStyledApartFromReadText();
  void languageRoundTripRetranslatesTheCellDiagramAndItsFigure();
  void builtInModelActionOpensTheReadmeModel();

private:
  void press(int key) { QTest::keyClick(m_window->windowHandle(), Qt::Key(key)); }
  FirstLaunchGuide *guide() const { return m_window->firstLaunchGuide(); }
  ExplorerSession *session() const { return m_window->session(); }
  QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
  QByteArray cellDiagramSvg();

  std::unique_ptr<MainWindow> m_window;
};

void TestFirstMinute::init() { test::openFirstLaunchWindow(m_window); }

void TestFirstMinute::cleanup() {
  m_window.reset();
  applyLanguage(QStringLiteral("en"));
  dialogs::setHooks({});
}

void TestFirstMinute::guideShowsAtFirstLaunchAndNotAfterDismissal() {
  QVERIFY(guide()->isVisible());
  QVERIFY(m_window->rect().contains(guide()->geometry()));
  QWidget *focus = QApplication::focusWidget();
  QVERIFY(focus && !guide()->isAncestorOf(focus));
  // A lesson opened from the Lessons menu is where the guide leads: it goes away and would not cover the lesson's views.
  QVERIFY(m_window->startLesson(LessonPanel::shippedLessons().front()));
  QVERIFY(!guide()->isVisible());
  QVERIFY(FirstLaunchGuide::dismissedBefore());
  // Shown again (Help ▸ Getting started), it stays above the docks a lesson step raises, until Close.
  guide()->showGuide();
  QVERIFY(guide()->isVisible());
  press(Qt::Key_PageDown);
  QTRY_COMPARE(m_window->lessonPanel()->runner()->currentStep(), 1);
  QCOMPARE(m_window->findChildren<QWidget *>(Qt::FindDirectChildrenOnly).last(), guide());
  QTest::mouseClick(guide()->findChild<QPushButton *>(QStringLiteral("guideCloseButton")), Qt::LeftButton);
  QVERIFY(!guide()->isVisible());
  QCOMPARE(QApplication::focusWidget(), focus); // the click took nothing
  QVERIFY(FirstLaunchGuide::dismissedBefore());

  // The next launch, same settings: no guide.
  m_window.reset();
  m_window = std::make_unique<MainWindow>();
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  QVERIFY(!guide()->isVisible());
}

void TestFirstMinute::keysStepWhileTheGuideShows() {
  QVERIFY(guide()->isVisible());
  const int last = session()->cursor();
  press(Qt::Key_Left);
  press(Qt::Key_Left);
  QCOMPARE(session()->cursor(), last - 2);
  press(Qt::Key_Home);
  QCOMPARE(session()->cursor(), 0);
  press(Qt::Key_End);
  QCOMPARE(session()->cursor(), last);
  QVERIFY(guide()->isVisible()); // the keys did not go to it, nor close it
}

void TestFirstMinute::guideStartsTheFirstLesson() {
  QTest::mouseClick(guide()->findChild<QPushButton *>(QStringLiteral("guideLessonButton")), Qt::LeftButton);
  const LessonRunner *runner = m_window->lessonPanel()->runner();
  QVERIFY(runner->hasLesson());
  QCOMPARE(runner->source(), LessonPanel::shippedLessons().front());
  QCOMPARE(runner->currentStep(), 0);
  QVERIFY(m_window->lessonPanel()->isVisible());
  QVERIFY(!guide()->isVisible());
  QVERIFY(FirstLaunchGuide::dismissedBefore());
  press(Qt::Key_PageDown); // the lesson is driven by the keys at once
  QCOMPARE(runner->currentStep(), 1);
}

void TestFirstMinute::guideFitsAProjector() {
  // The card's own fit, in a bare 1024×700 window with a menu and a toolbar …
  QMainWindow projector;
  projector.menuBar()->addMenu(QStringLiteral("File"));
  projector.addToolBar(QStringLiteral("Steps"))->addAction(QStringLiteral("Step"));
  projector.setCentralWidget(new QWidget);
  auto *card = new FirstLaunchGuide(&projector);
  projector.resize(1024, 700);
  projector.show();
  QVERIFY(QTest::qWaitForWindowExposed(&projector));
  card->showGuide();
  const auto fits = [](const QMainWindow &window, const FirstLaunchGuide &guide) {
    const QRect box = guide.geometry();
    QVERIFY2(window.rect().contains(box),
             qPrintable(QStringLiteral("%1,%2 %3×%4").arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
    QVERIFY(guide.height() >= guide.heightForWidth(guide.width())); // nothing cut off at the bottom
    for (const QWidget *child : guide.findChildren<QWidget *>())
      QVERIFY(guide.rect().contains(QRect(child->mapTo(&guide, QPoint()), child->size())));
    QVERIFY(box.top() > window.menuWidget()->geometry().bottom()); // below the menus: they stay usable
  };
  fits(projector, *card);
  // … and in the real window made as small (its own minimum size may keep it wider).
  m_window->resize(1024, 700);
  QCoreApplication::processEvents();
  fits(*m_window, *guide());
}

void TestFirstMinute::helpShowsTheGuideAndAUserGuideInBothLanguages() {
  QTest::mouseClick(guide()->findChild<QPushButton *>(QStringLiteral("guideCloseButton")), Qt::LeftButton);
  action(QStringLiteral("gettingStartedAction"))->trigger();
  QVERIFY(guide()->isVisible());

  action(QStringLiteral("userGuideAction"))->trigger();
  auto *dialog = m_window->findChild<UserGuideDialog *>(QStringLiteral("userGuideDialog"));
  QVERIFY(dialog);
  QVERIFY(dialog->isVisible());
  QVERIFY(!dialog->isModal());
  QVERIFY(dialog->browser()->toPlainText().contains(QStringLiteral("Page Down / Page Up")));
  QVERIFY(dialog->browser()->toPlainText().contains(QStringLiteral("Interventions")));
  QVERIFY(applyLanguage(QStringLiteral("zh_CN")));
  QTRY_VERIFY(dialog->browser()->toPlainText().contains(QStringLiteral("按键")));
  QVERIFY(!dialog->browser()->toPlainText().contains(QStringLiteral("Interventions")));
}

void TestFirstMinute::inspectedCharacterIsOutlinedAndFollowsTheArrows() {
  auto *text = m_window->findChild<TextView *>(QStringLiteral("textView"));
  QVERIFY(text);
  const auto outlined = [text](int index) {
    text->refreshNow();
    const QImage image = text->viewport()->grab().toImage();
    const QRect cell = text->characterRect(index);
    return isOrange(image.pixelColor(cell.left(), cell.center().y())) &&
           isOrange(image.pixelColor(cell.right() - 1, cell.center().y()));
  };
  const int last = session()->cursor();
  QVERIFY(outlined(last));
  press(Qt::Key_Left);
  press(Qt::Key_Left);
  QVERIFY(outlined(last - 2));
  QVERIFY(!outlined(last));
  press(Qt::Key_Right);
  QVERIFY(outlined(last - 1));
  QVERIFY(!outlined(last - 2));
}

void TestFirstMinute::writtenTextIsStyledApartFromReadText() {
  auto *text = m_window->findChild<TextView *>(QStringLiteral("textView"));
  const int read = session()->steps();
  session()->setMode(DriveMode::Write);
  QCOMPARE(session()->mode(), DriveMode::Write);
  for (int k = 0; k < 3; ++k)
    press(Qt::Key_Right); // at the last step: the model writes a character and reads it
  QCOMPARE(session()->steps(), read + 3);
  const TextView::CellFormat readFormat = text->cellFormat(read - 1), writtenFormat = text->cellFormat(read + 1);
  QVERIFY(!readFormat.written && !readFormat.italic && !readFormat.underlined);
  QVERIFY(writtenFormat.written && writtenFormat.italic && writtenFormat.underlined);
  QVERIFY(!(readFormat == writtenFormat));

  // On screen: the written characters carry the underline colour, the read ones do not.
  text->refreshNow();
  const QImage image = text->viewport()->grab().toImage();
  const auto underlined = [&](int index) {
    const QRect cell = text->characterRect(index);
    for (int y = cell.bottom() - 3; y <= cell.bottom(); ++y)
      if (hasColourInRow(image, y, cell.left() + 2, cell.right() - 2, TextView::writtenColor()))
        return true;
    return false;
  };
  QVERIFY(underlined(read + 1));
  QVERIFY(!underlined(read - 2));
}

QByteArray TestFirstMinute::cellDiagramSvg() {
  auto *diagram = m_window->findChild<CellDiagramView *>(QStringLiteral("cellDiagramView"));
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("cell.svg"));
  QString error;
  FigureOptions options;
  options.format = FigureFormat::Svg;
  if (!exportFigure(diagram, path, options, &error))
    return {};
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestFirstMinute::languageRoundTripRetranslatesTheCellDiagramAndItsFigure() {
  auto *diagram = m_window->findChild<CellDiagramView *>(QStringLiteral("cellDiagramView"));
  QVERIFY(diagram);
  QVERIFY(applyLanguage(QStringLiteral("en")));
  QCoreApplication::processEvents();
  diagram->refreshNow();
  const QStringList english = svgTexts(cellDiagramSvg());
  QVERIFY(english.join(QString()).contains(QStringLiteral("xₜ = one-hot")));

  QVERIFY(applyLanguage(QStringLiteral("zh_CN")));
  QCoreApplication::processEvents(); // the language change reaches the widgets
  // The figure as exported right after the switch: every label Chinese, xₜ's included.
  const QStringList chinese = svgTexts(cellDiagramSvg());
  QVERIFY(diagram->shownValues().inputDescription.contains(QStringLiteral("独热")));
  QVERIFY(!chinese.isEmpty());
  QVERIFY2(englishWords(chinese).isEmpty(), qPrintable(englishWords(chinese).join(QLatin1Char(' '))));
  QVERIFY(chinese.join(QString()).contains(QStringLiteral("xₜ = 独热")));

  QVERIFY(applyLanguage(QStringLiteral("en")));
  QTRY_VERIFY(diagram->shownValues().inputDescription.contains(QStringLiteral("one-hot")));
  const QString back = svgTexts(cellDiagramSvg()).join(QString());
  QVERIFY(back.contains(QStringLiteral("xₜ = one-hot")));
  QVERIFY(!back.contains(QStringLiteral("独热")));
}

void TestFirstMinute::builtInModelActionOpensTheReadmeModel() {
  QAction *open = action(QStringLiteral("openBuiltInModelAction"));
  QVERIFY(open);
  QVERIFY(open->text().contains(QStringLiteral("2 × 128")));
  open->trigger();
  QCOMPARE(session()->modelSource(), ModelOpener::builtInModelPath());
  QCOMPARE(session()->layers(), 2);
  QCOMPARE(session()->units(), 128);
  QVERIFY(session()->steps() > 0); // primed, as every opened model is
  // The first launch still opens the counting lesson's model.
  QCOMPARE(ModelOpener::defaultModelPath(), QStringLiteral(":/models/examples/01-parens.lstm"));
}

QTEST_MAIN(TestFirstMinute)
#include "tst_first_minute.moc"
