import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

// The director sets how long each promise allows; an administrator keeps the working calendar.
// (Only changes that no other test's clocks depend on: this server is shared.)

test('the director saves a new policy version; a wrong number is pointed at and kept', async ({
	page
}) => {
	await signIn(page, 'director');
	await page.getByRole('link', { name: '服务时限' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务时限');
	const version = Number(
		/(\d+)/.exec((await page.getByTestId('policy-version').textContent()) ?? '')?.[1]
	);
	const paid = page.locator('fieldset[data-clock="paid_service_follow_up"]');
	await expect(paid.getByLabel('时限')).toHaveValue('1440');
	await expect(paid.getByLabel('计时方式')).toHaveValue('calendar');
	const repairFollowUp = page.locator('fieldset[data-clock="repair_follow_up"]');
	await expect(repairFollowUp.getByLabel('时限')).toHaveValue('2');
	await expect(repairFollowUp.getByLabel('计时方式')).toHaveValue('working_days');
	await expect(page.locator('fieldset[data-clock="complaint_next_reply"]')).toContainText(
		'与业主约定的时间'
	);

	await paid.getByLabel('时限').fill('两天');
	await page.getByRole('button', { name: '保存为新版本' }).click();
	await expect(paid.getByText('请填写 1–43200 之间的整数')).toBeVisible();
	await expect(paid.getByLabel('时限')).toHaveValue('两天');
	await expect(page.getByTestId('policy-version')).toHaveText(`当前为第 ${version} 版`);

	// Two working days instead of 24 hours (seed 000's rule rather than 003's).
	await paid.getByLabel('时限').fill('2');
	await paid.getByLabel('计时方式').selectOption('working_days');
	await page.getByRole('button', { name: '保存为新版本' }).click();
	await expect(page.getByRole('status')).toContainText(`已保存为第 ${version + 1} 版`);
	await expect(page.getByTestId('policy-version')).toHaveText(`当前为第 ${version + 1} 版`);
	await expect(paid.getByLabel('时限')).toHaveValue('2');
	await expect(paid.getByLabel('计时方式')).toHaveValue('working_days');
	await expect(page.getByText(new RegExp(`第 ${version + 1} 版 · .* · 周建国`))).toBeVisible();
});

test('an administrator adds a holiday, imports a published .ics calendar, and is told what a bad week looks like', async ({
	page
}) => {
	await signIn(page, 'admin');
	await page.getByRole('link', { name: '工作日历' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作日历');
	// New sites carry the published national calendar.
	await expect(page.locator('tr[data-day="2026-10-01"]')).toContainText('国庆节');
	await expect(page.locator('tr[data-day="2026-10-10"]')).toContainText('上班（调休）');
	await expect(page.getByLabel('星期一')).toHaveValue('08:00-17:30');
	await expect(page.getByLabel('星期六')).toHaveValue('');

	await page.getByLabel('星期三').fill('9-5');
	await page.getByRole('button', { name: '保存工作时间' }).click();
	await expect(
		page.getByText('格式如 08:00-12:00, 13:30-17:30，时间段按先后且不重叠')
	).toBeVisible();
	await expect(page.getByLabel('星期三')).toHaveValue('9-5');

	// A date the browser cannot take arrives empty: the field says so, the name stays.
	await page.getByLabel('名称（可不填）').fill('建司纪念日');
	await page.getByRole('button', { name: '添加或修改' }).click();
	await expect(page.getByText('请填写有效日期')).toBeVisible();
	await expect(page.getByLabel('名称（可不填）')).toHaveValue('建司纪念日');
	await page.getByLabel('日期').fill('2027-03-15');
	await page.getByRole('button', { name: '添加或修改' }).click();
	await expect(page.getByRole('status')).toContainText('日历已更新');
	await expect(page.locator('tr[data-day="2027-03-15"]')).toContainText('放假（节假日）');
	await expect(page.locator('tr[data-day="2027-03-15"]')).toContainText('建司纪念日');

	const ics = [
		'BEGIN:VCALENDAR',
		'BEGIN:VEVENT',
		'DTSTART;VALUE=DATE:20270501',
		'DTEND;VALUE=DATE:20270504',
		'SUMMARY:劳动节(休)',
		'END:VEVENT',
		'BEGIN:VEVENT',
		'DTSTART;VALUE=DATE:20270425',
		'DTEND;VALUE=DATE:20270426',
		'SUMMARY:劳动节(班)',
		'END:VEVENT',
		'END:VCALENDAR'
	].join('\r\n');
	await page.getByLabel('日历文件（.ics）').setInputFiles({
		name: '2027.ics',
		mimeType: 'text/calendar',
		buffer: Buffer.from(ics)
	});
	await page.getByRole('button', { name: '导入' }).click();
	await expect(page.getByRole('status')).toContainText('已导入 4 天');
	await expect(page.locator('tr[data-day="2027-05-03"]')).toContainText('劳动节');
	await expect(page.locator('tr[data-day="2027-04-25"]')).toContainText('上班（调休）');

	await page.getByLabel('日历文件（.ics）').setInputFiles({
		name: 'notes.ics',
		mimeType: 'text/calendar',
		buffer: Buffer.from('not a calendar')
	});
	await page.getByRole('button', { name: '导入' }).click();
	await expect(page.getByText('文件中没有可读取的全天日程')).toBeVisible();

	await page.getByRole('button', { name: '删除 2027-03-15' }).click();
	await expect(page.locator('tr[data-day="2027-03-15"]')).toHaveCount(0);
});
