#include "lesson_panel.h"

#include "common/dialogs.h"
#include "common/problem_text.h"
#include "explore/guided_lesson.h"
#include "lesson_runner.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QAction>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lstm {

namespace {

// Chooser item data: the placeholder and "Open lesson file…" carry these instead of a path.
const QString kNoLesson = QStringLiteral("<none>");
const QString kOpenFile = QStringLiteral("<open>");

QString lessonTitleOf(const QString &path) {
  const auto lesson = GuidedLesson::load(path, nullptr);
  return lesson ? lesson->title.in(currentLessonLanguage()) : QFileInfo(path).fileName();
}

} // namespace

LessonPanel::LessonPanel(ExplorerSession *session, QWidget *parent)
    : QWidget(parent), m_runner(new LessonRunner(session, this)) {
  setObjectName(QStringLiteral("lessonPanel"));
  m_chooser = new QComboBox;
  m_chooser->setObjectName(QStringLiteral("lessonChooser"));
  m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_chooser->setMinimumContentsLength(20);
  m_stepTitle = new QLabel;
  m_stepTitle->setObjectName(QStringLiteral("lessonStepTitle"));
  m_stepTitle->setWordWrap(true);
  QFont heading = m_stepTitle->font();
  heading.setBold(true);
  heading.setPointSizeF(heading.pointSizeF() * 1.15);
  m_stepTitle->setFont(heading);
  m_stepLabel = new QLabel;
  m_stepLabel->setObjectName(QStringLiteral("lessonStepLabel"));
  m_text = new QTextBrowser;
  m_text->setObjectName(QStringLiteral("lessonText"));
  m_text->setOpenExternalLinks(true);
  m_questionHeading = new QLabel;
  QFont bold = m_questionHeading->font();
  bold.setBold(true);
  m_questionHeading->setFont(bold);
  m_question = new QLabel;
  m_question->setObjectName(QStringLiteral("lessonQuestion"));
  m_question->setWordWrap(true);
  m_question->setTextFormat(Qt::PlainText);
  m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_answerButton = new QPushButton;
  m_answerButton->setObjectName(QStringLiteral("lessonAnswerButton"));
  m_answerButton->setCheckable(true);
  m_answer = new QLabel;
  m_answer->setObjectName(QStringLiteral("lessonAnswer"));
  m_answer->setWordWrap(true);
  m_answer->setTextFormat(Qt::PlainText);
  m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_error = new QLabel;
  m_error->setObjectName(QStringLiteral("lessonError"));
  m_error->setWordWrap(true);
  m_error->setTextFormat(Qt::PlainText);
  m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_back = new QPushButton;
  m_back->setObjectName(QStringLiteral("lessonBackButton"));
  m_next = new QPushButton;
  m_next->setObjectName(QStringLiteral("lessonNextButton"));

  auto *header = new QHBoxLayout;
  header->addWidget(m_stepTitle, 1);
  header->addWidget(m_stepLabel, 0, Qt::AlignRight | Qt::AlignTop);
  auto *answerRow = new QHBoxLayout;
  answerRow->addWidget(m_answerButton);
  answerRow->addStretch(1);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_back);
  buttons->addStretch(1);
  buttons->addWidget(m_next);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_chooser);
  layout->addLayout(header);
  layout->addWidget(m_text, 1);
  layout->addWidget(m_questionHeading);
  layout->addWidget(m_question);
  layout->addLayout(answerRow);
  layout->addWidget(m_answer);
  layout->addWidget(m_error);
  layout->addLayout(buttons);

  m_paths = shippedLessons();

  connect(m_chooser, &QComboBox::activated, this, &LessonPanel::onChooserActivated);
  connect(m_back, &QPushButton::clicked, this, &LessonPanel::goBack);
  connect(m_next, &QPushButton::clicked, this, &LessonPanel::goNext);
  connect(m_answerButton, &QPushButton::toggled, m_answer, &QWidget::setVisible);
  connect(m_runner, &LessonRunner::viewRequested, this, &LessonPanel::viewRequested);
  // Whoever moves the runner (these buttons, the command line's --lesson-step, a test), the panel shows its step.
  connect(m_runner, &LessonRunner::stepApplied, this, [this](int, const QString &error) {
    showStep();
    showError(error);
  });
  m_nextAction = new QAction(this);
  m_nextAction->setObjectName(QStringLiteral("lessonNextAction"));
  m_backAction = new QAction(this);
  m_backAction->setObjectName(QStringLiteral("lessonBackAction"));
  connect(m_nextAction, &QAction::triggered, this, &LessonPanel::goNext);
  connect(m_backAction, &QAction::triggered, this, &LessonPanel::goBack);
  showError(QString());
  retranslateUi();
}

LessonPanel::~LessonPanel() = default;

QStringList LessonPanel::shippedLessons() {
  QStringList paths;
  const QDir folder(QStringLiteral(":/lessons"));
  for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    paths << folder.filePath(name);
  return paths;
}

void LessonPanel::setViewNames(const QStringList &names) { m_viewNames = names; }

bool LessonPanel::openLesson(const QString &path) {
  Problem problem;
  auto lesson = GuidedLesson::load(path, &problem);
  if (lesson && !m_viewNames.isEmpty() && !checkViews(*lesson, m_viewNames, &problem)) {
    problem.inFile(path);
    lesson.reset();
  }
  if (!lesson) {
    showError(problemText(problem));
    return false;
  }
  if (!m_paths.contains(path)) {
    m_paths << path;
    fillChooser();
  }
  m_chooser->setCurrentIndex(int(m_paths.indexOf(path)) + 1);
  m_currentPath = path;
  m_runner->setLesson(std::move(*lesson), path);
  QString error;
  m_runner->goTo(0, &error);
  showStep();
  showError(error);
  return error.isEmpty();
}

QString LessonPanel::errorText() const { return m_error->text(); }

void LessonPanel::retranslateUi() {
  m_back->setText(tr("◀ Back"));
  m_back->setToolTip(tr("Previous step (Page Up)"));
  m_next->setText(tr("Next ▶"));
  m_next->setToolTip(tr("Next step (Page Down)"));
  m_backAction->setText(tr("Previous lesson step"));
  m_nextAction->setText(tr("Next lesson step"));
  m_questionHeading->setText(tr("Question"));
  m_answerButton->setText(tr("Show answer"));
  m_chooser->setToolTip(tr("Guided lessons: each step loads a model, selects a unit and explains what to look at"));
  fillChooser();
  showStep();
}

void LessonPanel::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void LessonPanel::fillChooser() {
  // The titles are read from the files again so they follow the language; a file that no longer loads keeps
  // its name.
  const int current = m_chooser->currentIndex();
  const QSignalBlocker blocker(m_chooser);
  m_chooser->clear();
  m_chooser->addItem(tr("Choose a lesson…"), kNoLesson);
  for (int k = 0; k < m_paths.size(); ++k)
    m_chooser->addItem(tr("%1. %2").arg(k + 1).arg(lessonTitleOf(m_paths[k])), m_paths[k]);
  m_chooser->addItem(tr("Open lesson file…"), kOpenFile);
  m_chooser->setCurrentIndex(current >= 0 && current < m_chooser->count() - 1 ? current : 0);
}

void LessonPanel::onChooserActivated(int index) {
  const QString chosen = m_chooser->itemData(index).toString();
  if (chosen == kOpenFile) {
    openLessonFile();
    return;
  }
  if (chosen == kNoLesson || chosen == m_currentPath)
    return;
  openLesson(chosen);
}

void LessonPanel::openLessonFile() {
  const QString path = dialogs::openFile(this, tr("Open lesson"), tr("Lessons (*.json);;All files (*)"));
  if (path.isEmpty() || !openLesson(path)) {
    const int shown = m_currentPath.isEmpty() ? -1 : int(m_paths.indexOf(m_currentPath));
    m_chooser->setCurrentIndex(shown + 1); // back to what the panel shows
  }
}

void LessonPanel::showStep() {
  const LessonStep *step = m_runner->step();
  const QString language = currentLessonLanguage();
  m_answerButton->setChecked(false);
  m_answer->hide();
  if (!step) {
    m_stepTitle->setText(m_runner->hasLesson() ? m_runner->lesson().title.in(language) : tr("Guided lessons"));
    m_stepLabel->clear();
    m_text->setMarkdown(tr("Choose a lesson above. Each lesson walks through a real model step by step: it loads "
                           "the model, reads a text, selects the unit to look at and brings the right view "
                           "forward.\n\nMove with **Next** and **Back** (or Page Down and Page Up)."));
    m_questionHeading->hide();
    m_question->hide();
    m_answerButton->hide();
    m_back->setEnabled(false);
    m_next->setEnabled(m_runner->hasLesson());
    m_backAction->setEnabled(false);
    m_nextAction->setEnabled(m_next->isEnabled());
    return;
  }
  const int index = m_runner->currentStep(), count = m_runner->stepCount();
  const QString lessonTitle = m_runner->lesson().title.in(language);
  m_stepTitle->setText(step->title.isEmpty() ? lessonTitle : step->title.in(language));
  m_stepTitle->setToolTip(lessonTitle);
  m_stepLabel->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
  const QString text = step->text.in(language);
  if (text.trimmed().startsWith(QLatin1Char('<')))
    m_text->setHtml(text);
  else
    m_text->setMarkdown(text);
  const bool asks = !step->question.isEmpty();
  m_questionHeading->setVisible(asks);
  m_question->setVisible(asks);
  m_question->setText(step->question.in(language));
  m_answerButton->setVisible(!step->answer.isEmpty());
  m_answer->setText(step->answer.in(language));
  m_back->setEnabled(index > 0);
  m_next->setEnabled(index + 1 < count);
  m_backAction->setEnabled(m_back->isEnabled());
  m_nextAction->setEnabled(m_next->isEnabled());
}

void LessonPanel::showError(const QString &text) {
  m_error->setText(text);
  m_error->setVisible(!text.isEmpty());
}

void LessonPanel::goNext() {
  if (!m_runner->hasLesson() || m_runner->currentStep() + 1 >= m_runner->stepCount())
    return;
  QString error; // shown through stepApplied
  m_runner->next(&error);
}

void LessonPanel::goBack() {
  if (m_runner->currentStep() <= 0)
    return;
  QString error; // shown through stepApplied
  m_runner->back(&error);
}

} // namespace lstm
