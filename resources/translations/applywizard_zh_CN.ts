<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplyWizard</name>
    <message>
        <source>About ApplyWizard</source>
        <translation>关于 ApplyWizard 申报助手</translation>
    </message>
    <message>
        <source>Chinese text: {family} (installed on this computer)</source>
        <translation>中文字体：{family}（本机已安装）</translation>
    </message>
    <message>
        <source>Chinese text: {family}, shipped with ApplyWizard ({licence})</source>
        <translation>中文字体：{family}，随 ApplyWizard 提供（{licence} 许可）</translation>
    </message>
    <message>
        <source>ApplyWizard {version}</source>
        <translation>ApplyWizard 申报助手 {version}</translation>
    </message>
    <message>
        <source>Guide: {id}</source>
        <translation>申报指南：{id}</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}</source>
        <translation>Qt {qt}，PySide6 {pyside}，Python {python}</translation>
    </message>
    <message>
        <source>Address book suggestions</source>
        <translation>通讯录建议</translation>
    </message>
    <message>
        <source>Differences from the address book</source>
        <translation>与通讯录不同之处</translation>
    </message>
    <message>
        <source>The address book gives these fields otherwise than the row. Tick the values to take from the address book; the others stay as they are in the row.</source>
        <translation>通讯录中以下字段与本行不同。勾选要采用通讯录中值的字段；未勾选的保持本行的值。</translation>
    </message>
    <message>
        <source>Update the address book</source>
        <translation>更新通讯录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>In this row</source>
        <translation>本行</translation>
    </message>
    <message>
        <source>In the address book</source>
        <translation>通讯录中</translation>
    </message>
    <message>
        <source>Take the ticked values</source>
        <translation>采用勾选的值</translation>
    </message>
    <message>
        <source>Keep the row as it is</source>
        <translation>保持本行不变</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The address book's entry for “{name}” gives these fields otherwise. Tick the values of this row to write into the address book; the others keep the address book's.</source>
        <translation>通讯录中“{name}”的条目以下字段与本行不同。勾选要将本行的值写入通讯录的字段；未勾选的保留通讯录中的值。</translation>
    </message>
    <message>
        <source>Earlier drafts for the address book</source>
        <translation>选择要收入通讯录的早前草稿</translation>
    </message>
    <message>
        <source>Address book</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <source>A research office may keep one address book for everyone on a shared drive; choose its file (a new name makes a new book). Your own address book stays where it is.</source>
        <translation>科研管理部门可以在共享盘上为大家维护同一个通讯录；请选择该文件（输入新文件名则新建通讯录）。您自己的通讯录保留原处。</translation>
    </message>
    <message>
        <source>Use a shared file…</source>
        <translation>使用共享文件…</translation>
    </message>
    <message>
        <source>Use my own address book</source>
        <translation>使用我自己的通讯录</translation>
    </message>
    <message>
        <source>Shared address book file</source>
        <translation>共享通讯录文件</translation>
    </message>
    <message>
        <source>{count} conflict(s), finding(s) or unread file(s): see the details.</source>
        <translation>有 {count} 处冲突、检查问题或未能读取的文件，请查看详细信息。</translation>
    </message>
    <message>
        <source>an untitled application</source>
        <translation>未命名的申报书</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的内容？</translation>
    </message>
    <message>
        <source>ApplyWizard was not closed properly. Recover the unsaved changes to {origin}?</source>
        <translation>ApplyWizard 上次未正常关闭。是否恢复对“{origin}”的未保存修改？</translation>
    </message>
    <message>
        <source>The guide data cannot be loaded; please reinstall ApplyWizard.</source>
        <translation>无法载入指南数据，请重新安装 ApplyWizard。</translation>
    </message>
    <message>
        <source>National system's attachment size limit</source>
        <translation>申报系统附件大小上限</translation>
    </message>
    <message>
        <source>No source states the national system's limit; {default} MB unless you set what your system says. Kept for every draft on this computer.</source>
        <translation>未找到申报系统附件大小上限的官方来源；默认 {default} MB，请按您所用系统的规定设置。本机所有草稿通用。</translation>
    </message>
    <message>
        <source>Checked “{name}”: {found}</source>
        <translation>已检查“{name}”：{found}</translation>
    </message>
    <message>
        <source>Checking {names}…</source>
        <translation>正在检查 {names}…</translation>
    </message>
    <message>
        <source>Could not check “{name}”: {problem}</source>
        <translation>无法检查“{name}”：{problem}</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>ApplyWizard</source>
        <translation>ApplyWizard 申报助手</translation>
    </message>
    <message>
        <source>Something went wrong inside ApplyWizard. Your draft is kept; save it, and send the log file to support.</source>
        <translation>ApplyWizard 内部出错。草稿内容仍在，请先保存，并将日志文件发给技术支持。</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Guide not installed</source>
        <translation>指南未安装</translation>
    </message>
    <message>
        <source>Choose another guide…</source>
        <translation>选择其他指南……</translation>
    </message>
    <message>
        <source>Open the draft under which guide? Its clauses are compared with the saved ones.</source>
        <translation>按哪一份指南打开草稿？将与保存时的条款对照。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Check the draft against which guide?</source>
        <translation>对照哪一份指南检查本草稿？</translation>
    </message>
    <message>
        <source>Choose a guide</source>
        <translation>选择指南</translation>
    </message>
    <message>
        <source>Installed guides</source>
        <translation>已安装的指南</translation>
    </message>
    <message>
        <source>No other guide is installed.</source>
        <translation>没有安装其他指南。</translation>
    </message>
    <message>
        <source>The guide has changed</source>
        <translation>指南已变化</translation>
    </message>
    <message>
        <source>Clauses that changed</source>
        <translation>有变化的条款</translation>
    </message>
    <message>
        <source>The draft's guide {old} ({old_hash}) is not installed; it is now judged by {new} ({new_hash}). These clauses of its direction apply differently:</source>
        <translation>草稿所用指南 {old}（{old_hash}）未安装，现按 {new}（{new_hash}）检查。该方向下列条款与保存时不同：</translation>
    </message>
    <message>
        <source>The guide pack {id} has changed since this draft was saved ({old_hash}, now {new_hash}). The draft is judged by the installed pack; these clauses of its direction apply differently:</source>
        <translation>草稿保存后，指南包 {id} 已有变化（原为 {old_hash}，现为 {new_hash}）。草稿按已安装的指南包检查；该方向下列条款与保存时不同：</translation>
    </message>
    <message>
        <source>Check against another guide</source>
        <translation>对照其他指南检查</translation>
    </message>
    <message>
        <source>Findings under both guides</source>
        <translation>两份指南下的检查结果</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者均有</translation>
    </message>
    <message>
        <source>current only</source>
        <translation>仅当前指南</translation>
    </message>
    <message>
        <source>other only</source>
        <translation>仅另一指南</translation>
    </message>
    <message>
        <source>&amp;Switch to this guide</source>
        <translation>改用此指南(&amp;S)</translation>
    </message>
    <message>
        <source>Switch to this guide</source>
        <translation>改用此指南</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Before (as the draft was saved)</source>
        <translation>原文（草稿保存时）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现文</translation>
    </message>
    <message>
        <source>This draft was made under the guide pack {id} ({hash}), which is not installed here. Choose another installed guide to open it under, or cancel: the file is not changed either way until you save.</source>
        <translation>本草稿按指南包 {id}（{hash}）编写，本机未安装该指南包。可选择另一份已安装的指南打开，或取消：在您保存之前，文件不会改变。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Errors under the current guide: {current}; under the other guide: {other}</source>
        <translation>错误数：当前指南 {current} 项；另一指南 {other} 项</translation>
    </message>
    <message>
        <source>Judge this draft by the other guide from now on? The direction becomes {code}. The file changes when you save.</source>
        <translation>今后按另一指南检查本草稿？方向将为 {code}。保存后文件才会改变。</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Current guide: {id}</source>
        <translation>当前指南：{id}</translation>
    </message>
    <message>
        <source>Other guide: {id}</source>
        <translation>另一指南：{id}</translation>
    </message>
    <message>
        <source>Choose a folder of guide packs</source>
        <translation>选择存放指南包的文件夹</translation>
    </message>
    <message>
        <source>Guide folders</source>
        <translation>指南文件夹</translation>
    </message>
    <message>
        <source>Guide packs are read from the program, from your own guide folder and from the folders listed here (for example a research office's shared drive).</source>
        <translation>指南包从程序自带的文件夹、您自己的指南文件夹以及此处列出的文件夹（例如科研管理部门的共享盘）中读取。</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>添加文件夹(&amp;A)……</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Guide: {title} · {edition} · {hash}</source>
        <translation>指南：{title} · {edition} · {hash}</translation>
    </message>
    <message>
        <source>no issue date</source>
        <translation>未注明发布日期</translation>
    </message>
    <message>
        <source>Guide: {title} · {hash}</source>
        <translation>指南：{title} · {hash}</translation>
    </message>
    <message>
        <source>{id} — cannot be used ({origin}, {hash})</source>
        <translation>{id} — 无法使用（{origin}，{hash}）</translation>
    </message>
    <message>
        <source>{count} directions</source>
        <translation>{count} 个方向</translation>
    </message>
    <message>
        <source>issued {date}</source>
        <translation>发布于 {date}</translation>
    </message>
    <message>
        <source>{count} incomplete</source>
        <translation>{count} 个不完整</translation>
    </message>
    <message>
        <source>Save the pack for handing on</source>
        <translation>保存申报包（打包发送）</translation>
    </message>
    <message>
        <source>Choose a folder holding the attached files</source>
        <translation>选择存放附件的文件夹</translation>
    </message>
    <message>
        <source>Choose where to unpack the draft and its files</source>
        <translation>选择解包草稿及附件的位置</translation>
    </message>
    <message>
        <source>Pack for handing on</source>
        <translation>打包发送</translation>
    </message>
    <message>
        <source>Choose a &amp;folder…</source>
        <translation>选择文件夹(&amp;F)……</translation>
    </message>
    <message>
        <source>Pack &amp;without them</source>
        <translation>不含这些文件，直接打包(&amp;W)</translation>
    </message>
    <message>
        <source>… and {count} more (see Details)</source>
        <translation>……另有 {count} 项（完整列表见详细信息）</translation>
    </message>
    <message>
        <source>Attached documents</source>
        <translation>已添加的附件</translation>
    </message>
    <message>
        <source>Attach each document with the button, or drop files on this page. The draft records the file's name, size, SHA-256 and what its check found, not the file: keep the file itself for submission.</source>
        <translation>用按钮添加附件，或把文件拖放到本页。草稿只记录文件名、大小、SHA-256 校验值和文件检查结果，不含文件本身；原文件请妥善保存，提交时使用。</translation>
    </message>
    <message>
        <source>Kind of document to attach</source>
        <translation>附件类型</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>添加附件(&amp;A)……</translation>
    </message>
    <message>
        <source>Re&amp;place file…</source>
        <translation>替换文件(&amp;P)……</translation>
    </message>
    <message>
        <source>Selected attachment</source>
        <translation>选中的附件</translation>
    </message>
    <message>
        <source>Replace the file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Select an attachment to give its facts.</source>
        <translation>选中一个附件以填写其信息。</translation>
    </message>
    <message>
        <source>What the direction requires</source>
        <translation>本方向的要求</translation>
    </message>
    <message>
        <source>Documents to attach</source>
        <translation>须提交的附件</translation>
    </message>
    <message>
        <source>Documents the direction requires</source>
        <translation>本方向要求的附件</translation>
    </message>
    <message>
        <source>Declarations to confirm</source>
        <translation>须确认的申报承诺</translation>
    </message>
    <message>
        <source>Theoretical basic research (indirect costs up to a flat rate)</source>
        <translation>纯理论基础研究（间接费用按固定比例核定）</translation>
    </message>
    <message>
        <source>Income budget (10k CNY)</source>
        <translation>收入预算（万元）</translation>
    </message>
    <message>
        <source>Expenditure by year (10k CNY)</source>
        <translation>分年度支出预算（万元）</translation>
    </message>
    <message>
        <source>&amp;Add year</source>
        <translation>增加年度(&amp;A)</translation>
    </message>
    <message>
        <source>Add a budget year</source>
        <translation>增加一个预算年度</translation>
    </message>
    <message>
        <source>Findings on the budget (activate one to go to its field)</source>
        <translation>预算检查结果（选中一条可跳转到相应字段）</translation>
    </message>
    <message>
        <source>Findings on the budget</source>
        <translation>预算检查结果</translation>
    </message>
    <message>
        <source>Totals (10k CNY)</source>
        <translation>合计（万元）</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Expenditure</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Chinese units' funds</source>
        <translation>中方单位经费</translation>
    </message>
    <message>
        <source>(year)</source>
        <translation>（年度）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>this year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <source>Remove budget year</source>
        <translation>删除预算年度</translation>
    </message>
    <message>
        <source>Indirect costs (central funds)</source>
        <translation>间接费用（中央财政资金）</translation>
    </message>
    <message>
        <source>How the budget was worked out, category by category</source>
        <translation>预算测算依据（按科目说明）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>各年合计</translation>
    </message>
    <message>
        <source>Remove {year} and all its amounts?</source>
        <translation>删除 {year} 年度及其全部金额？</translation>
    </message>
    <message>
        <source>Search directions</source>
        <translation>搜索指南方向</translation>
    </message>
    <message>
        <source>Search: code, title, country, area…</source>
        <translation>搜索：编号、名称、国家、领域……</translation>
    </message>
    <message>
        <source>Partner country</source>
        <translation>合作国家</translation>
    </message>
    <message>
        <source>Direction in full</source>
        <translation>指南方向全文</translation>
    </message>
    <message>
        <source>Guide direction</source>
        <translation>指南方向</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)……</translation>
    </message>
    <message>
        <source>Generate even with errors, marking every output 草稿 / DRAFT</source>
        <translation>仍有错误时也生成，所有文件标注“草稿 / DRAFT”</translation>
    </message>
    <message>
        <source>&amp;Generate documents</source>
        <translation>生成申报材料(&amp;G)</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>已生成的文件</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Checking the attachments…</source>
        <translation>正在检查附件…</translation>
    </message>
    <message>
        <source>Move to the &amp;formal application…</source>
        <translation>转为正式申报(&amp;F)……</translation>
    </message>
    <message>
        <source>Move to the formal application</source>
        <translation>转为正式申报</translation>
    </message>
    <message>
        <source>Check against &amp;another guide…</source>
        <translation>对照其他指南检查(&amp;A)……</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Coverage of the guide's clauses</source>
        <translation>指南条款覆盖情况</translation>
    </message>
    <message>
        <source>Clauses of the direction</source>
        <translation>本方向的条款</translation>
    </message>
    <message>
        <source>Pre-application vs formal</source>
        <translation>预申报与正式申报对照</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Guide clause</source>
        <translation>指南条款</translation>
    </message>
    <message>
        <source>How it is handled</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Research content, pre-application vs formal</source>
        <translation>研究内容：预申报与正式申报对照</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Pre-application</source>
        <translation>预申报书</translation>
    </message>
    <message>
        <source>Formal application</source>
        <translation>正式申报书</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无改动</translation>
    </message>
    <message>
        <source>Recent drafts</source>
        <translation>最近的草稿</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Address book from earlier &amp;drafts…</source>
        <translation>从早前草稿建立通讯录(&amp;D)…</translation>
    </message>
    <message>
        <source>Address book from earlier drafts</source>
        <translation>从早前草稿建立通讯录</translation>
    </message>
    <message>
        <source>Collect the Chinese units, partners and people of earlier drafts, so that typing a name in the tables offers them</source>
        <translation>收集早前草稿中的中方单位、外方合作单位和人员；之后在表格中输入名称时会提示这些条目</translation>
    </message>
    <message>
        <source>Address book fi&amp;le…</source>
        <translation>通讯录文件(&amp;L)…</translation>
    </message>
    <message>
        <source>Address book file</source>
        <translation>通讯录文件</translation>
    </message>
    <message>
        <source>Use a research office's shared address book, or your own</source>
        <translation>使用科研管理部门的共享通讯录，或您自己的通讯录</translation>
    </message>
    <message>
        <source>&amp;Guide for a new application</source>
        <translation>新建申报所用指南(&amp;G)</translation>
    </message>
    <message>
        <source>Guide for a new application</source>
        <translation>新建申报所用指南</translation>
    </message>
    <message>
        <source>Guide &amp;folders…</source>
        <translation>指南文件夹(&amp;F)……</translation>
    </message>
    <message>
        <source>Choose an earlier draft</source>
        <translation>选择以往的草稿</translation>
    </message>
    <message>
        <source>The project leader and the core members. The unit is offered from the Chinese units; time is in months per year (at most 12). The call's notice sets the leader's birth date, title or degree and time.</source>
        <translation>项目负责人和骨干成员。所在单位可从中方单位中选择；投入时间按每年月数填写（最多 12）。申报通知对项目负责人的出生日期、职称或学位及投入时间有要求。</translation>
    </message>
    <message>
        <source>The project leader's other national key R&amp;D projects, led or joined, running or applied for (not this one):</source>
        <translation>项目负责人牵头或参与的其他国家重点研发计划项目（在研及申报中，不含本项目）：</translation>
    </message>
    <message>
        <source>The lead unit (申报单位) and every participating Chinese unit, names in full as on their seals. Mark exactly one as lead. Funds in 10k CNY (万元). The call's notice admits units by where and when they were registered, as independent legal persons, and never state organs: say so for each.</source>
        <translation>牵头申报单位和全部中方参与单位，名称与公章一致。须且只能标记一家牵头单位。经费单位为万元。申报通知对单位的注册地、注册时间、独立法人资格有要求，国家机关不得牵头或参与：请逐一填写。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(not offered)</source>
        <translation>（不在可选范围）</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>下移(&amp;O)</translation>
    </message>
    <message>
        <source>Save to address &amp;book</source>
        <translation>保存到通讯录(&amp;B)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>&amp;Compare with the application now</source>
        <translation>与当前申报书比较(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>恢复此版本(&amp;R)…</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Restore a version</source>
        <translation>恢复历史版本</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Untitled application</source>
        <translation>未命名申报书</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Loading the guide…</source>
        <translation>正在载入指南……</translation>
    </message>
    <message>
        <source>Errors: {errors}  Warnings: {warnings}</source>
        <translation>错误 {errors}　警告 {warnings}</translation>
    </message>
    <message>
        <source>Save application as</source>
        <translation>申报书另存为</translation>
    </message>
    <message>
        <source>Open application</source>
        <translation>打开申报书</translation>
    </message>
    <message>
        <source>The application has unsaved changes. Save them?</source>
        <translation>申报书有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <source>Saved, but no version was kept: {why}</source>
        <translation>已保存，但未能保留历史版本：{why}</translation>
    </message>
    <message>
        <source>Type the row's name first: the address book keeps entries by name</source>
        <translation>请先填写本行的名称：通讯录按名称保存条目</translation>
    </message>
    <message>
        <source>Address book: {units} Chinese units, {partners} partners, {people} people · {path}</source>
        <translation>通讯录：中方单位 {units} 家，外方合作单位 {partners} 家，人员 {people} 人 · {path}</translation>
    </message>
    <message>
        <source>Took {count} value(s) from the address book</source>
        <translation>已采用通讯录中的 {count} 项</translation>
    </message>
    <message>
        <source>“{name}” has these problems:
{lines}

Saved as it is, it would be copied into every draft filled from the address book. Save it anyway?</source>
        <translation>“{name}”有以下问题：
{lines}

按原样保存后，会被带入以后从通讯录填写的每份草稿。仍然保存？</translation>
    </message>
    <message>
        <source>Updated in the address book: “{name}” ({count} value(s) replaced)</source>
        <translation>已更新通讯录中的“{name}”（替换 {count} 项）</translation>
    </message>
    <message>
        <source>The address book is not available: {why}</source>
        <translation>通讯录不可用：{why}</translation>
    </message>
    <message>
        <source>Added {units} Chinese units, {partners} partners, {people} people; {merged} already in the address book were merged.</source>
        <translation>新增中方单位 {units} 家、外方合作单位 {partners} 家、人员 {people} 人；{merged} 条与通讯录中已有条目合并。</translation>
    </message>
    <message>
        <source>Filled from the address book: “{name}”, {count} field(s)</source>
        <translation>已从通讯录填入“{name}”：{count} 项</translation>
    </message>
    <message>
        <source>Not saved to the address book: “{name}”</source>
        <translation>未保存到通讯录：“{name}”</translation>
    </message>
    <message>
        <source>Added to the address book: “{name}”</source>
        <translation>已加入通讯录：“{name}”</translation>
    </message>
    <message>
        <source>The address book already holds “{name}” as in this row</source>
        <translation>通讯录中的“{name}”与本行相同，无需更新</translation>
    </message>
    <message>
        <source>Not read: {file}</source>
        <translation>未能读取：{file}</translation>
    </message>
    <message>
        <source>Conflict: {what}</source>
        <translation>冲突：{what}</translation>
    </message>
    <message>
        <source>{count} field(s) differ from the row and were left as they are</source>
        <translation>{count} 项与本行不同，未改动</translation>
    </message>
    <message>
        <source>not accepted: {fields}</source>
        <translation>未采用：{fields}</translation>
    </message>
    <message>
        <source>(no kind)</source>
        <translation>（未选类型）</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Attached as {kind}: {names}</source>
        <translation>已作为“{kind}”添加：{names}</translation>
    </message>
    <message>
        <source>Replaced the file of attachment {n}.</source>
        <translation>已替换附件 {n} 的文件。</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <source>(no file)</source>
        <translation>（无文件）</translation>
    </message>
    <message>
        <source>Choose a direction first: its rules say which documents to attach.</source>
        <translation>请先选择指南方向：所需附件由方向的要求决定。</translation>
    </message>
    <message>
        <source>The rules read no further facts for this kind.</source>
        <translation>此类附件无需填写其他信息。</translation>
    </message>
    <message>
        <source>Direction {code} asks for the following (clause cited).</source>
        <translation>方向 {code} 要求以下材料（注明指南条款）。</translation>
    </message>
    <message>
        <source>Direction {code} asks for no particular document or declaration.</source>
        <translation>方向 {code} 没有特别要求的附件或申报承诺。</translation>
    </message>
    <message>
        <source>The rules read for this kind (marked *): {facts}</source>
        <translation>此类附件须填写（带 * 号）：{facts}</translation>
    </message>
    <message>
        <source>not attached yet</source>
        <translation>尚未添加</translation>
    </message>
    <message>
        <source>attached: {files}</source>
        <translation>已添加：{files}</translation>
    </message>
    <message>
        <source>optional: needed when the {kind} has no IP clauses</source>
        <translation>可选：{kind}不含知识产权条款时须提供</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>The Chinese units' funds do not add up to the expenditure: {sources}.</source>
        <translation>中方各单位经费合计与支出预算不一致：{sources}。</translation>
    </message>
    <message>
        <source>Total, both sources</source>
        <translation>两类来源合计</translation>
    </message>
    <message>
        <source>Remove budget year {year}</source>
        <translation>删除 {year} 年度预算</translation>
    </message>
    <message>
        <source>No Chinese units yet: their funds are entered on the Chinese units page.</source>
        <translation>尚无中方单位：各单位经费在“中方单位”页填写。</translation>
    </message>
    <message>
        <source>Indirect costs exceed the cap by {amount}.</source>
        <translation>间接费用超出上限 {amount}。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Direct costs</source>
        <translation>直接费用</translation>
    </message>
    <message>
        <source>Base: direct costs less equipment purchase</source>
        <translation>核定基数：直接费用扣除设备购置费</translation>
    </message>
    <message>
        <source>Cap on indirect costs</source>
        <translation>间接费用上限</translation>
    </message>
    <message>
        <source>Indirect costs budgeted</source>
        <translation>已列间接费用</translation>
    </message>
    <message>
        <source>tiered rates</source>
        <translation>分段比例</translation>
    </message>
    <message>
        <source>flat rate {rate}% for theoretical basic research</source>
        <translation>纯理论基础研究固定比例 {rate}%</translation>
    </message>
    <message>
        <source>up to {limit}: {rate}%</source>
        <translation>{limit} 以内：{rate}%</translation>
    </message>
    <message>
        <source>above: {rate}%</source>
        <translation>超过部分：{rate}%</translation>
    </message>
    <message>
        <source>Project leader</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头申报单位</translation>
    </message>
    <message>
        <source>Participating units</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Central funds (10k CNY)</source>
        <translation>中央财政资金（万元）</translation>
    </message>
    <message>
        <source>Self-raised funds (10k CNY)</source>
        <translation>自筹资金（万元）</translation>
    </message>
    <message>
        <source>Total (10k CNY)</source>
        <translation>合计（万元）</translation>
    </message>
    <message>
        <source>Indicator {number}</source>
        <translation>考核指标 {number}</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Indicator (added)</source>
        <translation>考核指标（新增）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>指南方向</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Budget (10k CNY)</source>
        <translation>经费（万元）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>实施周期</translation>
    </message>
    <message>
        <source>Incomplete in this guide pack: {what}</source>
        <translation>本指南包中此方向不完整：{what}</translation>
    </message>
    <message>
        <source>Other requirements (其他要求)</source>
        <translation>其他要求</translation>
    </message>
    <message>
        <source>Any partner country</source>
        <translation>任意合作国家</translation>
    </message>
    <message>
        <source>Research areas</source>
        <translation>领域方向</translation>
    </message>
    <message>
        <source>No errors: the documents can be generated.</source>
        <translation>没有错误，可以生成申报材料。</translation>
    </message>
    <message>
        <source>Choose an output folder first.</source>
        <translation>请先选择输出文件夹。</translation>
    </message>
    <message>
        <source>{errors} errors remain (see Review): documents can only be generated as marked drafts.</source>
        <translation>仍有 {errors} 个错误（见“检查”页）：只能生成标注为草稿的材料。</translation>
    </message>
    <message>
        <source>Attachment not checked: {problem}</source>
        <translation>附件未能检查：{problem}</translation>
    </message>
    <message>
        <source>Text cut to fit a cell (full text in the form): {cell}</source>
        <translation>文字超出单元格容量已截断（全文见申报书）：{cell}</translation>
    </message>
    <message>
        <source>The application still has {count} errors. Fix them (see Review), or tick the box to generate drafts marked 草稿 / DRAFT.</source>
        <translation>申报书仍有 {count} 个错误。请修正（见“检查”页），或勾选生成标注“草稿 / DRAFT”的材料。</translation>
    </message>
    <message>
        <source>The pack holds the draft as saved. Save the draft now, then choose where to write the pack?</source>
        <translation>申报包收录的是已保存的草稿。现在保存草稿，然后选择申报包的保存位置吗？</translation>
    </message>
    <message>
        <source>Open a pack</source>
        <translation>打开申报包</translation>
    </message>
    <message>
        <source>Save the draft first.</source>
        <translation>请先保存草稿。</translation>
    </message>
    <message>
        <source>{count} attached files were not found beside the draft or where they were attached from. Choose a folder to look in as well, or pack without them?</source>
        <translation>有 {count} 个附件在草稿所在文件夹和添加附件时的位置都未找到。是否再选择一个文件夹查找，或不含这些文件直接打包？</translation>
    </message>
    <message>
        <source>{file}: the draft and {packed} of {attached} attached files ({size}).</source>
        <translation>{file}：已打包草稿及 {packed}/{attached} 个附件（{size}）。</translation>
    </message>
    <message>
        <source>Unpacked into {folder}: the draft and {count} attached files.</source>
        <translation>已解包到 {folder}：草稿及 {count} 个附件。</translation>
    </message>
    <message>
        <source>Not in the pack: {line}</source>
        <translation>包中没有：{line}</translation>
    </message>
    <message>
        <source>The pack was not opened; nothing was written.</source>
        <translation>未打开申报包，未写入任何文件。</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit} 字</translation>
    </message>
    <message>
        <source>No direction chosen yet: every country of the guide is offered.</source>
        <translation>尚未选择指南方向：列出指南涉及的全部国家。</translation>
    </message>
    <message>
        <source>Units together: central funds {central}, self-raised {raised} (10k CNY)</source>
        <translation>各单位合计：中央财政资金 {central}，自筹资金 {raised}（万元）</translation>
    </message>
    <message>
        <source>Partner countries of direction {code}: {names}</source>
        <translation>方向 {code} 的合作国家：{names}</translation>
    </message>
    <message>
        <source>One row per indicator, in the words of the form. Where an indicator states a count (发表论文5篇), give the count and its unit (5, 篇) too: the formal application may not promise less than the pre-application.</source>
        <translation>每行一项考核指标，按申报书的表述填写。指标写明数量的（如“发表论文5篇”），请同时填写数量和计量单位（5，篇）：正式申报书不得低于预申报书承诺的指标。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Parts of the application form</source>
        <translation>申报书正文各部分</translation>
    </message>
    <message>
        <source>Joint laboratory (1.1)</source>
        <translation>联合实验室（1.1）</translation>
    </message>
    <message>
        <source>Horizon Europe proposal</source>
        <translation>地平线欧洲项目</translation>
    </message>
    <message>
        <source>BRICS joint application</source>
        <translation>金砖国家联合申请</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No findings: the application meets every rule ApplyWizard checks.</source>
        <translation>没有问题：申报书符合 ApplyWizard 检查的全部规则。</translation>
    </message>
    <message>
        <source>Move this draft to the formal application?

What the pre-application promises is frozen and kept in the draft: its assessment indicators, research content, lead and participating units, project leader and funds. Everything stays filled in; from then on the formal application is checked against it (indicators may not be fewer or lower, the leader and the lead unit may not change). This cannot be undone.</source>
        <translation>将此草稿转为正式申报？

预申报书所承诺的内容将被冻结并保存在草稿中：考核指标、研究内容、牵头单位和参与单位、项目负责人及经费。已填写的内容全部保留；此后正式申报书将与之对照检查（考核指标不得减少或降低，项目负责人和牵头单位不得更换）。此操作不可撤销。</translation>
    </message>
    <message>
        <source>Errors: {errors}, warnings: {warnings}. Errors block generating documents; warnings do not.</source>
        <translation>{errors} 个错误，{warnings} 个警告。有错误时不能生成正式材料；警告不影响生成。</translation>
    </message>
    <message>
        <source>Stage: pre-application.</source>
        <translation>申报阶段：预申报。</translation>
    </message>
    <message>
        <source>Stage: formal application.</source>
        <translation>申报阶段：正式申报。</translation>
    </message>
    <message>
        <source>(paragraph)</source>
        <translation>（整段）</translation>
    </message>
    <message>
        <source>Stage: formal application; what the pre-application promised was frozen on {day}.</source>
        <translation>申报阶段：正式申报；预申报书的承诺已于 {day} 冻结。</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>someone (the lock file cannot be read)</source>
        <translation>他人（锁定文件无法读取）</translation>
    </message>
    <message>
        <source>Draft in use</source>
        <translation>草稿正被使用</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>文件已被修改</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} 天</translation>
    </message>
    <message>
        <source>“{name}” is open by {who}{program} since {since} (lock refreshed {age} ago).

Open it read-only to look, open a copy to work on separately, or open it anyway if you are sure nobody is editing it (their later save will then be stopped, not lost).</source>
        <translation>“{name}”正由 {who}{program} 打开，始于 {since}（{age}前刷新过锁定）。

可以只读打开查看，打开副本另行编辑；确认无人在编辑时也可以仍然打开（对方之后保存时会被拦下，不会丢失）。</translation>
    </message>
    <message>
        <source>“{name}” was changed on disk by someone else (saved {when}) after you opened it. Your changes have not been saved over it.

Save yours as a new file, reload theirs (your unsaved changes are lost), or overwrite theirs with yours.</source>
        <translation>您打开“{name}”之后，他人修改并保存了该文件（{when}）。您的修改没有覆盖它。

可以将您的版本另存为新文件，重新载入对方的版本（您未保存的修改将丢失），或用您的版本覆盖对方的版本。</translation>
    </message>
    <message>
        <source>Reload “{name}” from disk and lose your unsaved changes?</source>
        <translation>从磁盘重新载入“{name}”，放弃您未保存的修改？</translation>
    </message>
    <message>
        <source>“{name}” was changed on disk by someone else at {when}.</source>
        <translation>“{name}”已于 {when} 被他人修改。</translation>
    </message>
    <message>
        <source>“{name}” is open read-only: editing is off; Save asks for a new name.</source>
        <translation>“{name}”以只读方式打开：不能编辑；保存时需另存为新文件。</translation>
    </message>
    <message>
        <source>Someone else opened “{name}” anyway: saving will check for their changes first.</source>
        <translation>他人已强制打开“{name}”：保存前会先检查对方的修改。</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} 分钟</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} 小时</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>只读打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open a &amp;copy</source>
        <translation>打开副本(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;anyway</source>
        <translation>仍然打开(&amp;A)</translation>
    </message>
    <message>
        <source>Save as a &amp;new file…</source>
        <translation>另存为新文件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>重新载入对方版本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overwrite theirs</source>
        <translation>覆盖对方版本(&amp;O)</translation>
    </message>
    <message>
        <source>Overwrite the newer “{name}” on disk with your version?</source>
        <translation>用您的版本覆盖磁盘上较新的“{name}”？</translation>
    </message>
    <message>
        <source>Really overwrite? The other person's changes to “{name}” will be replaced (the previous file is kept as {name}.bak).</source>
        <translation>确定覆盖？对方对“{name}”的修改将被替换（原文件保留为 {name}.bak）。</translation>
    </message>
    <message>
        <source>Calls of this special project took a pre-application first in 2021–2022 and one round from 2023 (batch 2); the guide pack does not say for this call. Choose the application you are preparing now.</source>
        <translation>本专项2021—2022年度各批次先填报预申报书，2023年度第二批起一轮直接填报申报书；本指南包未说明本批次的做法。请选择当前准备的申报书。</translation>
    </message>
    <message>
        <source>Pre-application: only a budget outline is asked: each unit's central funds and other (self-raised) funds on the Chinese units page, added up there. The full budget below is for the formal application and is not checked now.</source>
        <translation>预申报阶段：只需经费概算，即“中方单位”页各单位的中央财政资金和自筹（其他来源）资金及其合计。下方完整预算在正式申报时填写，现阶段不作检查。</translation>
    </message>
    <message>
        <source>Pre-application (预申报书)</source>
        <translation>预申报书</translation>
    </message>
    <message>
        <source>This draft has moved on to the formal application; its stage is fixed.</source>
        <translation>本申报书已转为正式申报，申报阶段不可再更改。</translation>
    </message>
    <message>
        <source>Pre-application: only the project leader (and any task leaders) are needed; the other members are added for the formal application.</source>
        <translation>预申报阶段：只需填写项目负责人（及任务负责人），其他参加人员在正式申报时补充。</translation>
    </message>
    <message>
        <source>Pre-application text so far: {count} characters (about {target} asked; a warning past {limit})</source>
        <translation>预申报书正文合计：{count} 字（要求约 {target} 字；超过 {limit} 字时提示）</translation>
    </message>
    <message>
        <source>Prepare an application to the National Key R&amp;D Program's intergovernmental international S&amp;T innovation cooperation call. Choose its guide below; every step is checked against the rules of the direction you choose.</source>
        <translation>准备国家重点研发计划“政府间国际科技创新合作”重点专项的项目申报材料。请在下方选择所用指南；每一步都按所选指南方向的要求实时检查。</translation>
    </message>
    <message>
        <source>&amp;New application</source>
        <translation>新建申报(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open a draft…</source>
        <translation>打开草稿(&amp;O)……</translation>
    </message>
    <message>
        <source>New from an &amp;earlier draft…</source>
        <translation>以往草稿新建(&amp;E)……</translation>
    </message>
    <message>
        <source>&amp;Pack for handing on…</source>
        <translation>打包发送(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Versions…</source>
        <translation>历史版本(&amp;V)…</translation>
    </message>
    <message>
        <source>{count} guide pack(s) cannot be used: see the greyed rows.</source>
        <translation>{count} 个指南包无法使用：见灰色各行。</translation>
    </message>
    <message>
        <source> (choose a row)</source>
        <translation>（请选择一行）</translation>
    </message>
    <message>
        <source>&amp;Findings: {count}</source>
        <translation>检查结果(&amp;F)：{count}</translation>
    </message>
    <message>
        <source>Remove {item}?</source>
        <translation>删除{item}？</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>No earlier version yet: one is kept each time the application is saved again.</source>
        <translation>还没有历史版本：此后每次再保存时都会保留上一版本。</translation>
    </message>
    <message>
        <source>Kept beside the draft (the data folder could not be written)</source>
        <translation>保存在草稿所在文件夹（本机数据文件夹无法写入）</translation>
    </message>
    <message>
        <source>Kept on this computer</source>
        <translation>保存在本机</translation>
    </message>
    <message>
        <source>The application has not been saved yet: it has no versions.</source>
        <translation>申报书尚未保存，还没有历史版本。</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>Versions of {name}</source>
        <translation>{name} 的历史版本</translation>
    </message>
    <message>
        <source>Each save keeps the version it replaces; the last {count} are kept on this computer, in {folder}.</source>
        <translation>每次保存都会保留被替换的上一版本；本机保留最近 {count} 个版本，位于 {folder}。</translation>
    </message>
    <message>
        <source>{count} changes from the version of {when} to the application now:</source>
        <translation>从 {when} 的版本到当前申报书，共有 {count} 处修改：</translation>
    </message>
    <message>
        <source>Restore the version of {when}? The application as saved now is kept as a version first, so this can be undone.</source>
        <translation>恢复 {when} 的版本？当前已保存的申报书会先保留为一个历史版本，因此可以撤销。</translation>
    </message>
    <message>
        <source>Changes not yet saved in the window will be lost.</source>
        <translation>窗口中尚未保存的修改将会丢失。</translation>
    </message>
    <message>
        <source>The version of {when} is the same as the application now.</source>
        <translation>{when} 的版本与当前申报书相同。</translation>
    </message>
    <message>
        <source>The application has not been saved yet.</source>
        <translation>申报书尚未保存。</translation>
    </message>
    <message>
        <source>The version of {when} was restored.</source>
        <translation>已恢复 {when} 的版本。</translation>
    </message>
</context>
</TS>
