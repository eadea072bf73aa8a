#pragma once
// The guided-lesson panel: a chooser of the shipped lessons (":/lessons/*.json", in file-name order) and of lesson
// files the user opens, the current step's text, its question with a "Show answer" toggle, "Step k of n" and
// Back / Next (also PageUp / PageDown). Steps are applied to the session by its LessonRunner; a problem with a
// file or a step is shown inside the panel, never in a dialog. Lesson texts follow the UI language
// (currentLessonLanguage) and are rendered again on QEvent::LanguageChange.
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace lstm {

class ExplorerSession;
class LessonRunner;
struct GuidedLesson;

class LessonPanel : public QWidget {
  Q_OBJECT
public:
  explicit LessonPanel(ExplorerSession *session, QWidget *parent = nullptr);
  ~LessonPanel() override;

  // The runner that applies the steps: the main window sets its opener and listens to viewRequested.
  LessonRunner *runner() const { return m_runner; }
  // The shipped lessons, ":/lessons/…json", in file-name order.
  static QStringList shippedLessons();
  // The views (dock object names) a lesson step may bring forward; a lesson naming another is refused with the
  // file and the step ("<path>: steps[3].view: …"). Until set, every name is let through to viewRequested.
  void setViewNames(const QStringList &names);
  // Loads a lesson file (":/…" too) and applies its first step. False, with the problem shown, when it cannot.
  bool openLesson(const QString &path);
  // The problem shown in the panel; "" when there is none.
  QString errorText() const;
  // Sets every translatable text, the lesson's included, in the current language.
  void retranslateUi();

  // Next / previous lesson step, enabled as the Next and Back buttons are; the window binds Page Down / Up to them.
  QAction *nextStepAction() const { return m_nextAction; }
  QAction *previousStepAction() const { return m_backAction; }

Q_SIGNALS:
  void viewRequested(const QString &dockObjectName); // a step wants this dock in front

protected:
  void changeEvent(QEvent *event) override;

private:
  void onChooserActivated(int index);
  void openLessonFile();
  void showStep();
  void showError(const QString &text);
  void goNext();
  void goBack();
  void fillChooser();

  LessonRunner *m_runner;
  QComboBox *m_chooser;
  QLabel *m_stepTitle;
  QLabel *m_stepLabel;
  QTextBrowser *m_text;
  QLabel *m_questionHeading;
  QLabel *m_question;
  QPushButton *m_answerButton;
  QLabel *m_answer;
  QLabel *m_error;
  QPushButton *m_back;
  QPushButton *m_next;
  QAction *m_nextAction, *m_backAction;
  QStringList m_paths;   // chooser entries after the placeholder: shipped lessons, then opened files
  QString m_currentPath; // the file of the lesson in the runner
  QStringList m_viewNames;
};

} // namespace lstm
